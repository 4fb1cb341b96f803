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
    report_files_in(r, crate::i18n::Lang::En)
}

/// [`report_files`] with the chart's words in `lang` (the CSV's column
/// names are an interface: English).
pub fn report_files_in(
    r: &ReportView,
    lang: crate::i18n::Lang,
) -> Result<(Vec<u8>, Vec<u8>), String> {
    Ok((csv::report_csv(r), chart::report_png_in(r, lang)?))
}
