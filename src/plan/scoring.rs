//! 考核: a score per unit from the ledger, by rules in an optional `scoring.toml` (config
//! directory, or the file `$DUBAN_SCORING` names; loaded like the escalation rules). Every
//! point comes with the line of the breakdown that gave it, so a unit can see why.
//!
//! What counts, per unit: the requirements it leads (done on time, done late, overdue now and
//! by how many days, sent back, reports owed), and the reminders (催办) addressed to it in any
//! role. The defaults are in `assets/scoring.toml` and the README.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{Plan, Requirement, Status};
use super::query::Scope;
use super::{reporting, workload};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoringRules {
    /// Where every unit starts.
    pub base: f64,
    /// Added per led requirement done on or before its due date.
    pub done_on_time: f64,
    /// Added per led requirement done after its due date.
    pub done_late: f64,
    /// Deducted per led requirement overdue now.
    pub overdue: f64,
    /// Deducted per day overdue, for each overdue led requirement ...
    pub overdue_day: f64,
    /// ... counting at most this many days per requirement.
    pub overdue_day_cap: u32,
    /// Deducted per reminder (催办) addressed to the unit.
    pub reminder: f64,
    /// Deducted per completion claim sent back (退回重办) on a led requirement.
    pub rejection: f64,
    /// Deducted per report (报送) owed this period and not in, on a led requirement.
    pub missed_report: f64,
}

impl Default for ScoringRules {
    fn default() -> Self {
        ScoringRules {
            base: 100.0,
            done_on_time: 2.0,
            done_late: 0.5,
            overdue: 2.0,
            overdue_day: 0.1,
            overdue_day_cap: 30,
            reminder: 0.5,
            rejection: 1.0,
            missed_report: 1.0,
        }
    }
}

impl ScoringRules {
    pub const ENV: &'static str = "DUBAN_SCORING";

    /// `$DUBAN_SCORING` (must exist when set), else `scoring.toml` in the config directory
    /// when present, else the defaults.
    pub fn load() -> Result<Self, String> {
        super::config_file::load(Self::ENV, "scoring.toml", Self::parse)
    }

    pub fn default_path() -> Option<PathBuf> {
        super::config_file::default_path("scoring.toml")
    }

    pub fn from_file(path: &Path) -> Result<Self, String> {
        super::config_file::from_file(path, Self::parse)
    }

    /// Missing keys keep their defaults; unknown keys and negative or non-finite points are
    /// rejected (a deduction is written as a positive number).
    pub fn parse(text: &str) -> Result<Self, String> {
        let rules: Self =
            toml::from_str(text).map_err(|e| e.to_string().trim_end().replace('\n', " "))?;
        for (key, v) in rules.points() {
            if !v.is_finite() || v < 0.0 {
                return Err(format!(
                    "{key} = {v}: points must be a number not below 0 (deductions are positive)"
                ));
            }
        }
        Ok(rules)
    }

    fn points(&self) -> [(&'static str, f64); 8] {
        [
            ("base", self.base),
            ("done_on_time", self.done_on_time),
            ("done_late", self.done_late),
            ("overdue", self.overdue),
            ("overdue_day", self.overdue_day),
            ("reminder", self.reminder),
            ("rejection", self.rejection),
            ("missed_report", self.missed_report),
        ]
    }
}

/// One line of a unit's breakdown: the rule, how often it applied, the points it gave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub rule: &'static str,
    pub count: u64,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitScore {
    pub name: String,
    pub collective: bool,
    pub score: f64,
    /// The rules that applied (count above 0), in the rules' order.
    pub breakdown: Vec<Line>,
}

#[derive(Default)]
struct Tally {
    done_on_time: u64,
    done_late: u64,
    overdue: u64,
    overdue_days: u64,
    reminders: u64,
    rejections: u64,
    missed_reports: u64,
}

/// Whether a done requirement was done by its due date (no date, or none due: on time).
fn on_time(r: &Requirement) -> bool {
    let Some(done) = r.completed_on else {
        return true;
    };
    r.due(done).is_none_or(|due| done <= due)
}

impl Tally {
    fn lead(&mut self, r: &Requirement, today: NaiveDate, cap: u32) {
        if r.status == Status::Done {
            if on_time(r) {
                self.done_on_time += 1;
            } else {
                self.done_late += 1;
            }
        } else if let Some(late) = r.days_late(today) {
            self.overdue += 1;
            self.overdue_days += u64::try_from(late.clamp(0, i64::from(cap))).unwrap_or(0);
        }
        self.rejections += r.rejections() as u64;
        if reporting::is_outstanding(r, today) {
            self.missed_reports += 1;
        }
    }

    fn score(&self, rules: &ScoringRules) -> (f64, Vec<Line>) {
        #[allow(clippy::cast_precision_loss)] // counts of a plan's requirements
        let line = |rule, count: u64, per: f64| Line {
            rule,
            count,
            points: round(count as f64 * per),
        };
        let lines = [
            line("done_on_time", self.done_on_time, rules.done_on_time),
            line("done_late", self.done_late, rules.done_late),
            line("overdue", self.overdue, -rules.overdue),
            line("overdue_day", self.overdue_days, -rules.overdue_day),
            line("reminder", self.reminders, -rules.reminder),
            line("rejection", self.rejections, -rules.rejection),
            line("missed_report", self.missed_reports, -rules.missed_report),
        ];
        let breakdown: Vec<Line> = lines.into_iter().filter(|l| l.count > 0).collect();
        let score = round(rules.base + breakdown.iter().map(|l| l.points).sum::<f64>());
        (score, breakdown)
    }
}

/// Two decimals, so sums of tenths print as written.
fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Every unit's score, highest first (then by name).
pub fn scores(plan: &Plan, today: NaiveDate, rules: &ScoringRules) -> Vec<UnitScore> {
    let plans = [("", plan)];
    scores_scope(Scope::new(&plans), today, rules)
}

/// [`scores`] over the plans in scope (`plans`): a unit's score counts its work in every plan.
pub fn scores_scope(
    plans: Scope<'_, '_>,
    today: NaiveDate,
    rules: &ScoringRules,
) -> Vec<UnitScore> {
    let rows = workload::workload_scope(plans, today);
    let mut tallies: Vec<Tally> = rows.iter().map(|_| Tally::default()).collect();
    let index: std::collections::HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.name.as_str(), i))
        .collect();
    for (_, r) in plans.requirements() {
        for unit in &r.units.lead {
            if let Some(&i) = index.get(unit.name.as_str()) {
                tallies[i].lead(r, today, rules.overdue_day_cap);
            }
        }
        for m in &r.reminders {
            if let Some(&i) = index.get(m.unit.as_str()) {
                tallies[i].reminders += 1;
            }
        }
    }
    let mut out: Vec<UnitScore> = rows
        .iter()
        .zip(&tallies)
        .map(|(row, t)| {
            let (score, breakdown) = t.score(rules);
            UnitScore {
                name: row.name.clone(),
                collective: row.collective,
                score,
                breakdown,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// The rule's name in the breakdown.
pub fn rule_label(rule: &str, lang: crate::i18n::Lang) -> &'static str {
    match rule {
        "done_on_time" => lang.pick("按时完成", "done on time"),
        "done_late" => lang.pick("逾期完成", "done late"),
        "overdue" => lang.pick("逾期未完成", "overdue"),
        "overdue_day" => lang.pick("逾期天数", "days overdue"),
        "reminder" => lang.pick("被催办", "reminders"),
        "rejection" => lang.pick("退回重办", "sent back"),
        "missed_report" => lang.pick("未按时报送", "reports missed"),
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_states_the_defaults() {
        let shipped =
            ScoringRules::parse(include_str!("../../assets/scoring.toml")).expect("valid");
        assert_eq!(shipped, ScoringRules::default());
    }

    #[test]
    fn rules_parse_with_defaults_and_refuse_bad_points() {
        let r = ScoringRules::parse("reminder = 1.5\n").expect("valid");
        assert!((r.reminder - 1.5).abs() < 1e-9);
        assert!((r.base - 100.0).abs() < 1e-9);
        let err = ScoringRules::parse("overdue = -2").expect_err("negative");
        assert!(err.contains("overdue = -2"), "{err}");
        assert!(ScoringRules::parse("per_overdue = 2").is_err());
    }

    #[test]
    fn a_tally_scores_each_rule() {
        let t = Tally {
            done_on_time: 3,
            overdue: 1,
            overdue_days: 12,
            reminders: 2,
            ..Tally::default()
        };
        let (score, lines) = t.score(&ScoringRules::default());
        // 100 + 6 − 2 − 1.2 − 1
        assert!((score - 101.8).abs() < 1e-9, "{score}");
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[2].rule, "overdue_day");
        assert!((lines[2].points + 1.2).abs() < 1e-9);
    }
}
