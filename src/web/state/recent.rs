//! Recent designs: the last few designs that Start over, opening a file or link, or Undo
//! replaced, kept in local storage so that none of them is ever more than a click away.

use std::rc::Rc;

use ise_planner::design::Design;
use serde::Serialize;
use serde_json::Value;

use crate::browser;

/// Where the list lives in local storage.
pub const RECENT_KEY: &str = "ise-planner.recent";
/// How many designs are kept.
pub const MAX_RECENT: usize = 5;

/// A design that was replaced, with when and by what.
#[derive(Clone, Debug, PartialEq)]
pub struct RecentDesign {
    pub design: Rc<Design>,
    /// "before Start over", "before opening contoso.json"…
    pub why: String,
    /// Local time it was replaced, `2026-11-23 15:42`.
    pub when: String,
}

impl RecentDesign {
    /// A short name for the list: the ISE name and the VNet's address space.
    pub fn title(&self) -> String {
        let d = &self.design;
        let name = if d.name.trim().is_empty() {
            "unnamed ISE"
        } else {
            d.name.trim()
        };
        let space: Vec<&str> = d
            .vnet
            .address_prefixes
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .take(3)
            .collect();
        if space.is_empty() {
            name.to_string()
        } else {
            format!("{name} · {}", space.join(", "))
        }
    }
}

/// The list as stored; entries that cannot be read are skipped.
pub fn load() -> Vec<RecentDesign> {
    let Some(text) = browser::storage_get(RECENT_KEY) else {
        return Vec::new();
    };
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(&text) else {
        return Vec::new();
    };
    items
        .into_iter()
        .filter_map(|item| {
            let why = item.get("why")?.as_str()?.to_string();
            let when = item.get("when")?.as_str()?.to_string();
            let design = Design::from_value(item.get("design")?.clone()).ok()?;
            Some(RecentDesign {
                design: Rc::new(design),
                why,
                when,
            })
        })
        .take(MAX_RECENT)
        .collect()
}

/// Whether a design is the default one, wherever the planner placed its subnets (the page
/// writes the placements into every design it plans).
fn is_default(design: &Design) -> bool {
    let mut default = Design::default();
    if default.subnets.len() != design.subnets.len() {
        return false;
    }
    for (mine, theirs) in default.subnets.iter_mut().zip(&design.subnets) {
        mine.placed.clone_from(&theirs.placed);
    }
    *design == default
}

/// Puts `design` first in the list (unless it is the default design, which there is no
/// need to keep), saves the list (also when an entry was taken out), and returns it.
pub fn remember(mut list: Vec<RecentDesign>, design: &Rc<Design>, why: &str) -> Vec<RecentDesign> {
    if !is_default(design) {
        list.retain(|r| *r.design != **design);
        list.insert(
            0,
            RecentDesign {
                design: design.clone(),
                why: why.to_string(),
                when: browser::local_time(),
            },
        );
        list.truncate(MAX_RECENT);
    }
    save(&list);
    list
}

/// One entry as stored.
#[derive(Serialize)]
struct Stored<'a> {
    why: &'a str,
    when: &'a str,
    design: &'a Design,
}

/// Writes the list; when storage is short, drops the oldest entries until it fits.
fn save(list: &[RecentDesign]) {
    for keep in (0..=list.len()).rev() {
        let items: Vec<Stored<'_>> = list[..keep]
            .iter()
            .map(|r| Stored {
                why: &r.why,
                when: &r.when,
                design: &r.design,
            })
            .collect();
        let text = serde_json::to_string(&items).unwrap_or_default();
        if browser::storage_set(RECENT_KEY, &text) {
            return;
        }
    }
}
