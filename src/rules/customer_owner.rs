//! `customer-owner`: one customer, one responsible seller.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::Message;
use std::collections::HashMap;

pub struct CustomerOwner;

static META: RuleMeta = RuleMeta {
    id: RuleId::CUSTOMER_OWNER,
    default_level: Level::Error,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for CustomerOwner {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let customers = cx.plan.customers();
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, c) in customers.iter().enumerate() {
            let id = c.customer.id.as_str();
            match first.get(id) {
                Some(&j) if customers[j].owner != c.owner => {
                    let other = &customers[j];
                    let loc = cx.plan.locate(other.file, &other.pointer("id"));
                    out.push(
                        cx.found(
                            c.file,
                            &c.pointer("id"),
                            Message::new("customer-owner-two")
                                .text("customer", id)
                                .text("owner", other.owner)
                                .text("file", &cx.plan.file(other.file).path)
                                .text("here", c.owner),
                        )
                        .with_related(
                            &loc,
                            Message::new("customer-owner-related").text("owner", other.owner),
                        )
                        .with_help(Message::new("customer-owner-help")),
                    );
                }
                Some(_) => {}
                None => {
                    first.insert(id, i);
                }
            }
        }
    }
}
