//! Reader for DiscordChatExporter JSON exports. Parses a whole file with serde
//! (streamed from disk, no DOM), checks every field it relies on, and turns the
//! messages into domain `MessageIn`s and reactions. Any problem names the file
//! and the position, and the file contributes nothing. Gzipped exports
//! (`*.json.gz`, as `data/` stores them) are read the same way.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::capital::message::{
    ChannelId, GuildId, MessageId, MessageIn, Person, ReactionIn, ThreadRef,
};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{file}: cannot read: {source}")]
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}: line {line}, column {column}: {message}")]
    Json {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: message #{index} (id {id:?}): {message}")]
    Field {
        file: PathBuf,
        index: usize,
        id: String,
        message: String,
    },
    #[error("{file}: {message}")]
    Shape { file: PathBuf, message: String },
}

#[derive(Deserialize)]
struct RawExport {
    guild: RawGuild,
    channel: RawChannel,
    messages: Vec<RawMessage>,
}

#[derive(Deserialize)]
struct RawGuild {
    id: String,
    #[serde(default)]
    name: String,
}

#[derive(Deserialize)]
struct RawChannel {
    id: String,
    #[serde(default)]
    name: String,
    /// "GuildTextChat", "GuildPublicThread", … (DiscordChatExporter's names;
    /// anything else is read as a plain channel).
    #[serde(default, rename = "type")]
    kind: Option<serde_json::Value>,
    /// For a thread: its parent channel's name.
    #[serde(default)]
    category: Option<String>,
}

impl RawChannel {
    /// A thread or forum post, exported as its own file (`--include-threads`).
    fn is_thread(&self) -> bool {
        self.kind
            .as_ref()
            .and_then(|k| k.as_str())
            .is_some_and(|k| k.ends_with("Thread"))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawAuthor {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    nickname: Option<String>,
    #[serde(default)]
    is_bot: bool,
}

#[derive(Deserialize)]
struct RawEmoji {
    #[serde(default)]
    name: String,
}

#[derive(Deserialize)]
struct RawReaction {
    emoji: RawEmoji,
    #[serde(default)]
    users: Vec<RawAuthor>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawReference {
    #[serde(default)]
    message_id: Option<String>,
}

#[derive(Deserialize)]
struct RawAttachment {}

#[derive(Deserialize)]
struct RawMessage {
    id: String,
    #[serde(rename = "type", default)]
    kind: Option<String>,
    timestamp: String,
    #[serde(default)]
    content: String,
    author: RawAuthor,
    #[serde(default)]
    attachments: Vec<RawAttachment>,
    #[serde(default)]
    reactions: Vec<RawReaction>,
    #[serde(default)]
    mentions: Vec<RawAuthor>,
    #[serde(default)]
    reference: Option<RawReference>,
}

/// One channel's export, checked and converted.
#[derive(Debug, Clone)]
pub struct ChannelExport {
    pub file: PathBuf,
    pub guild_id: GuildId,
    pub guild_name: String,
    pub channel_id: ChannelId,
    pub channel_name: String,
    pub messages: Vec<MessageIn>,
    /// Reactions recorded in the export (dated at their message's time, since
    /// exports do not say when a reaction was added).
    pub reactions: Vec<ReactionIn>,
}

fn parse_id<T: From<u64>>(s: &str) -> Option<T> {
    let v = s.trim().parse::<u64>().ok()?;
    // Snowflakes fit in a signed 64-bit column.
    (v > 0 && v <= i64::MAX as u64).then_some(T::from(v))
}

fn person(a: &RawAuthor) -> Option<Person> {
    Some(Person {
        id: parse_id(&a.id)?,
        name: a.name.clone(),
        nickname: a.nickname.clone().filter(|n| !n.is_empty() && *n != a.name),
        is_bot: a.is_bot,
    })
}

/// Types DiscordChatExporter writes for ordinary messages; the others are system messages.
fn is_system_type(kind: Option<&str>) -> bool {
    !matches!(
        kind,
        None | Some("Default") | Some("Reply") | Some("ThreadStarterMessage")
    )
}

pub const MAX_CONTENT: usize = 64 * 1024;

/// Read one export file, plain JSON or gzipped.
pub fn read_export(path: &Path) -> Result<ChannelExport, ExportError> {
    // Whole file first: parsing from memory is about twice as fast as from a
    // reader (no per-byte reads, no copies of escape-free strings).
    let bytes = std::fs::read(path)
        .and_then(gunzip)
        .map_err(|source| ExportError::Io {
            file: path.into(),
            source,
        })?;
    let raw: RawExport = serde_json::from_slice(&bytes).map_err(|e| ExportError::Json {
        file: path.into(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    drop(bytes);
    convert(path, raw)
}

/// The bytes of a gzip file decompressed; anything else as it is (JSON
/// never starts with gzip's magic bytes, so the name does not matter).
pub fn gunzip(bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len() * 8);
    flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out)?;
    Ok(out)
}

/// Whether a file in a folder is an export: `*.json`, or `*.json.gz`.
pub fn is_export_file(path: &Path) -> bool {
    let ext = |p: &Path| p.extension().map(|x| x.to_os_string());
    match ext(path) {
        Some(x) if x == "json" => true,
        Some(x) if x == "gz" => path
            .file_stem()
            .is_some_and(|stem| ext(Path::new(stem)).is_some_and(|x| x == "json")),
        _ => false,
    }
}

/// Parse an export held in memory (tests, fuzzing).
pub fn parse_export(name: &Path, text: &str) -> Result<ChannelExport, ExportError> {
    let raw: RawExport = serde_json::from_str(text).map_err(|e| ExportError::Json {
        file: name.into(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    convert(name, raw)
}

fn convert(path: &Path, raw: RawExport) -> Result<ChannelExport, ExportError> {
    let shape = |message: String| ExportError::Shape {
        file: path.into(),
        message,
    };
    let guild_id: GuildId = parse_id(&raw.guild.id)
        .ok_or_else(|| shape(format!("guild.id {:?} is not a Discord id", raw.guild.id)))?;
    let channel_id: ChannelId = parse_id(&raw.channel.id).ok_or_else(|| {
        shape(format!(
            "channel.id {:?} is not a Discord id",
            raw.channel.id
        ))
    })?;
    // A thread is its own conversation, named after its parent channel for
    // the channel rules (as the bot names it).
    let thread = raw.channel.is_thread().then_some(ThreadRef {
        id: channel_id,
        starter: None,
    });
    let channel_name = match (&thread, &raw.channel.category) {
        (Some(_), Some(parent)) if !parent.is_empty() => parent.clone(),
        _ => raw.channel.name.clone(),
    };
    let mut messages = Vec::with_capacity(raw.messages.len());
    let mut reactions = Vec::new();
    for (index, m) in raw.messages.into_iter().enumerate() {
        let field = |message: String| ExportError::Field {
            file: path.into(),
            index,
            id: m.id.clone(),
            message,
        };
        let id: MessageId =
            parse_id(&m.id).ok_or_else(|| field("id is not a Discord id".into()))?;
        let at: DateTime<Utc> = DateTime::parse_from_rfc3339(m.timestamp.trim())
            .map_err(|e| field(format!("timestamp {:?} is not ISO-8601: {e}", m.timestamp)))?
            .with_timezone(&Utc);
        let author = person(&m.author)
            .ok_or_else(|| field(format!("author.id {:?} is not a Discord id", m.author.id)))?;
        if m.content.len() > MAX_CONTENT {
            return Err(field(format!(
                "content is {} bytes, more than the {} a message can hold",
                m.content.len(),
                MAX_CONTENT
            )));
        }
        let mut mentions = Vec::with_capacity(m.mentions.len());
        for a in &m.mentions {
            mentions.push(
                person(a)
                    .ok_or_else(|| field(format!("mention id {:?} is not a Discord id", a.id)))?,
            );
        }
        let reply_to =
            match m.reference.as_ref().and_then(|r| r.message_id.as_deref()) {
                None => None,
                Some(s) => Some(parse_id(s).ok_or_else(|| {
                    field(format!("reference.messageId {s:?} is not a Discord id"))
                })?),
            };
        for r in &m.reactions {
            for u in &r.users {
                let user = person(u).ok_or_else(|| {
                    field(format!("reaction user id {:?} is not a Discord id", u.id))
                })?;
                reactions.push(ReactionIn {
                    guild_id,
                    channel_id,
                    message_id: id,
                    user,
                    emoji: r.emoji.name.clone(),
                    at,
                    added: true,
                });
            }
        }
        let lower = m.content.to_lowercase();
        messages.push(MessageIn {
            guild_id,
            channel_id,
            channel_name: channel_name.clone(),
            id,
            is_webhook: false,
            is_system: is_system_type(m.kind.as_deref()),
            at,
            mentions_everyone: lower.contains("@everyone") || lower.contains("@here"),
            role_mentions: vec![],
            attachments: m.attachments.len() as u32,
            reply_to,
            mentions,
            content: m.content,
            author,
            thread,
        });
    }
    Ok(ChannelExport {
        file: path.into(),
        guild_id,
        guild_name: raw.guild.name,
        channel_id,
        channel_name: raw.channel.name,
        messages,
        reactions,
    })
}

/// Expand files and folders into the export files they hold (`*.json` and
/// `*.json.gz`, sorted).
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ExportError> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|source| ExportError::Io {
            file: p.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|source| ExportError::Io {
                    file: p.clone(),
                    source,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| is_export_file(f) && f.is_file())
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capital::message::MemberId;

    fn p() -> &'static Path {
        Path::new("t.json")
    }

    const OK: &str = r#"{"guild":{"id":"1","name":"G"},"channel":{"id":"2","name":"help"},
      "messages":[{"id":"10","type":"Default","timestamp":"2025-01-01T10:00:00+00:00","content":"hi @everyone",
      "author":{"id":"5","name":"ann","isBot":false},"mentions":[{"id":"6","name":"bob"}],
      "reactions":[{"emoji":{"name":"🙏"},"count":1,"users":[{"id":"6","name":"bob"}]}],
      "reference":{"messageId":"9"}}]}"#;

    #[test]
    fn reads_a_minimal_export() {
        let e = parse_export(p(), OK).unwrap();
        assert_eq!((e.guild_id, e.channel_id), (GuildId(1), ChannelId(2)));
        let m = &e.messages[0];
        assert_eq!(m.author.name, "ann");
        assert_eq!(m.mentions[0].id, MemberId(6));
        assert_eq!(m.reply_to, Some(MessageId(9)));
        assert!(m.mentions_everyone);
        assert_eq!(e.reactions.len(), 1);
    }

    #[test]
    fn errors_name_the_place() {
        let bad_ts = OK.replace("2025-01-01T10:00:00+00:00", "yesterday");
        let err = parse_export(p(), &bad_ts).unwrap_err().to_string();
        assert!(
            err.contains("t.json") && err.contains("message #0") && err.contains("timestamp"),
            "{err}"
        );
        let truncated = &OK[..OK.len() / 2];
        let err = parse_export(p(), truncated).unwrap_err().to_string();
        assert!(err.contains("line") && err.contains("column"), "{err}");
        let bad_id = OK.replace(r#""id":"10""#, r#""id":"-3""#);
        assert!(parse_export(p(), &bad_id)
            .unwrap_err()
            .to_string()
            .contains("not a Discord id"));
        let wrong_type = OK.replace(r#""content":"hi @everyone""#, r#""content":5"#);
        assert!(parse_export(p(), &wrong_type).is_err());
    }

    #[test]
    fn reads_gzipped_exports_like_plain_ones() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("goodwill-gz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(OK.as_bytes()).unwrap();
        let packed = gz.finish().unwrap();
        std::fs::write(dir.join("a.json"), OK).unwrap();
        std::fs::write(dir.join("b.json.gz"), &packed).unwrap();
        std::fs::write(dir.join("c.gold.jsonl.gz"), &packed).unwrap();
        std::fs::write(dir.join("d.json.gz"), &packed[..packed.len() / 2]).unwrap();
        let files = collect_files(std::slice::from_ref(&dir)).unwrap();
        let names: Vec<_> = files.iter().map(|f| f.file_name().unwrap()).collect();
        assert_eq!(names, ["a.json", "b.json.gz", "d.json.gz"]);
        let (plain, packed) = (
            read_export(&files[0]).unwrap(),
            read_export(&files[1]).unwrap(),
        );
        assert_eq!(
            format!("{:?}", plain.messages),
            format!("{:?}", packed.messages)
        );
        let err = read_export(&files[2]).unwrap_err().to_string();
        assert!(
            err.contains("d.json.gz") && err.contains("cannot read"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_thread_export_is_a_thread_named_after_its_parent() {
        let text = r#"{"guild": {"id": "1", "name": "g"},
            "channel": {"id": "5", "type": "GuildPublicThread", "category": "help", "name": "wifi drops"},
            "messages": [{"id": "5", "timestamp": "2024-01-01T00:00:00+00:00",
                "author": {"id": "7", "name": "ann"}, "content": "my wifi drops, how do I fix it?"}]}"#;
        let e = parse_export(Path::new("t.json"), text).unwrap();
        let m = &e.messages[0];
        assert_eq!(m.channel_name, "help");
        assert_eq!(
            m.thread,
            Some(ThreadRef {
                id: ChannelId(5),
                starter: None
            })
        );
        let plain = text.replace("GuildPublicThread", "GuildTextChat");
        let e = parse_export(Path::new("t.json"), &plain).unwrap();
        assert_eq!(e.messages[0].thread, None);
        assert_eq!(e.messages[0].channel_name, "wifi drops");
    }
}
