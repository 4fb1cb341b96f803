//! The binary's tools on the repository's own data: `goodwill eval` needs
//! nothing beside the repository, and a gzipped export explains exactly like
//! the same export in plain JSON.

use std::path::PathBuf;
use std::process::Output;

fn goodwill(args: &[&str]) -> Output {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_goodwill"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("RUST_LOG", "warn")
        .output()
        .expect("the goodwill binary runs");
    assert!(
        out.status.success(),
        "goodwill {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn eval_runs_on_the_chat_data_of_the_repository() {
    let out = goodwill(&["eval", "--json"]);
    let ev: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ev["files"], 40, "{ev}");
    assert!(ev["messages"].as_u64().unwrap() > 40_000, "{ev}");
    assert_eq!(ev["thanks"]["labelled"], 426, "{ev}");
    assert_eq!(ev["requests"]["labelled"], 236, "{ev}");
    // A floor, not the figures (the README has those): a broken reader or
    // label file would fall far below it.
    for key in ["precision", "recall"] {
        let v = ev["thanks"][key].as_f64().unwrap();
        assert!(v > 0.8, "thanks {key} {v}: {ev}");
    }
}

#[test]
fn a_gzipped_export_explains_like_the_plain_one() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let plain = root.join("examples/ubuntu-irc/2009-02-23_10.json");
    let packed = root.join("data/ubuntu-irc/dev/2009-02-23_10.json.gz");
    let explain = |p: &PathBuf| {
        let args = ["import", "--dry-run", "--fresh", "--explain"];
        let mut args: Vec<&str> = args.to_vec();
        args.push(p.to_str().unwrap());
        goodwill(&args).stdout
    };
    let (a, b) = (explain(&plain), explain(&packed));
    assert!(a.len() > 10_000, "{} bytes of explanation", a.len());
    assert!(a == b, "the .json.gz explains differently from the .json");
}
