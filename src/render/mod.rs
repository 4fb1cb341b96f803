//! Presenting figures: terminal tables, the report's CSV and chart images;
//! Discord embeds live with the bot.

pub mod chart;
pub mod csv;
pub mod moderation;
pub mod text;

use crate::service::ReportView;

/// The report's attachments for Discord (and `goodwill report --csv --chart`):
/// the CSV of every member's figures and one PNG with both charts side by side
/// (earned vs spent by category; community standing over time).
pub fn report_files(r: &ReportView) -> Result<(Vec<u8>, Vec<u8>), String> {
    Ok((csv::report_csv(r), chart::report_png(r)?))
}
