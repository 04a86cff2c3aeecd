//! `ownership` (off by default): goals are owned together with the sellers
//! (SPEC 4.5). The last commit that changed a seller's targets is authored
//! by the seller, or carries `Agreed-by: <seller email>`. The history is
//! git's (`plan.history`, found by the command that checks).

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message};
use std::collections::HashSet;

pub struct Ownership;

static META: RuleMeta = RuleMeta {
    id: RuleId::OWNERSHIP,
    default_level: Level::Warning,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for Ownership {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let plan = cx.plan;
        if plan.history.is_empty() {
            // Turned on, but the plan is not in a repository with commits.
            out.push(
                cx.found(0, "", Message::new("ownership-no-history"))
                    .with_help(Message::new("ownership-no-history-help")),
            );
            return;
        }
        let mut seen = HashSet::new();
        for seller in &plan.sellers {
            if !seen.insert(seller.id.as_str()) {
                continue;
            }
            let path = &plan.file(seller.file).path;
            let Some((commit, changes)) = plan.history.get(path).and_then(|h| h.first()) else {
                continue;
            };
            let Some(email) = seller.data.email.as_deref().map(str::to_lowercase) else {
                out.push(
                    cx.found(
                        seller.file,
                        "",
                        Message::new("ownership-no-email").text("name", &seller.data.name),
                    )
                    .with_help(Message::new("ownership-no-email-help")),
                );
                continue;
            };
            if commit.author_email == email || commit.agreed_by.contains(&email) {
                continue;
            }
            // At the first target the commit changed that is still there.
            let change = changes.iter().find(|c| c.new.is_some()).or(changes.first());
            let pointer = change.map_or(String::new(), |c| {
                if c.new.is_some() {
                    format!("/{}/{}/target", c.list, c.index)
                } else {
                    String::new()
                }
            });
            out.push(
                cx.found(
                    seller.file,
                    &pointer,
                    Message::new("ownership-not-agreed")
                        .text("name", &seller.data.name)
                        .text("target", change.map_or("", |c| c.id.as_str()))
                        .text("commit", commit.short())
                        .text("summary", &commit.summary)
                        .arg("date", Arg::Date(commit.date.to_string()))
                        .text("author", &commit.author_email)
                        .text("email", &email),
                )
                .with_help(Message::new("ownership-not-agreed-help").text("email", &email)),
            );
        }
    }
}
