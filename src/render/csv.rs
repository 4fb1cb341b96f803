//! The report as CSV: one row per member with every figure, parseable back.

use serde::{Deserialize, Serialize};

use crate::capital::message::MemberId;
use crate::service::ReportView;

/// One CSV row. Floats are written in Rust's shortest round-trip form, so they
/// parse back to the same `f64`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CsvRow {
    pub member_id: MemberId,
    pub member_name: String,
    pub category: String,
    pub tier: String,
    pub standing: f64,
    pub change: f64,
    pub earned: f64,
    pub spent: f64,
    pub deposits: u64,
    pub withdrawals: u64,
    pub helpful_replies: u64,
    /// Accepted solutions credited in the window.
    pub solutions: u64,
    /// RFC 3339 date the member falls a tier, when at risk within the horizon.
    pub at_risk_falls_on: Option<String>,
}

pub fn rows(r: &ReportView) -> Vec<CsvRow> {
    r.members
        .iter()
        .map(|m| CsvRow {
            member_id: m.member_id,
            member_name: m.member_name.clone(),
            category: m.category.as_str().to_string(),
            tier: m.tier.clone(),
            standing: m.standing,
            change: m.change,
            earned: m.earned,
            spent: m.spent,
            deposits: m.deposits,
            withdrawals: m.withdrawals,
            helpful_replies: m.helpful_replies,
            solutions: m.solutions,
            at_risk_falls_on: r
                .at_risk
                .iter()
                .find(|a| a.member_id == m.member_id)
                .map(|a| a.falls_on.to_rfc3339()),
        })
        .collect()
}

/// Every member's figures as CSV bytes (header row first).
pub fn report_csv(r: &ReportView) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows(r) {
        // Writing to a Vec cannot fail for plain rows.
        let _ = w.serialize(row);
    }
    w.into_inner().unwrap_or_default()
}

/// Parse CSV written by `report_csv`.
pub fn parse_report_csv(bytes: &[u8]) -> Result<Vec<CsvRow>, csv::Error> {
    csv::Reader::from_reader(bytes).deserialize().collect()
}
