//! The tools of the `goodwill` binary, kept out of the library the bot ships
//! in: `goodwill bench` ([`bench`]), `goodwill simulate` ([`simulate`]) and
//! `goodwill eval` ([`eval`]). They use the library as any caller would
//! (`goodwill::…`); `bench` also runs the bot against the fake Discord of
//! `crates/fake-discord` to read its memory.

pub mod bench;
pub mod eval;
pub mod roles;
pub mod simulate;

use std::path::PathBuf;

/// A path of the repository: from the current folder when it is there (a
/// clone), else from where the binary was built.
pub fn in_repo(relative: &str) -> PathBuf {
    let here = PathBuf::from(relative);
    if here.exists() {
        here
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
    }
}

/// What `goodwill eval` reads without `--data`: the labelled `#ubuntu` logs
/// in `data/ubuntu-irc` (gzipped exports and `thanks-labels.jsonl`).
pub fn default_eval_data() -> PathBuf {
    in_repo("data/ubuntu-irc")
}
