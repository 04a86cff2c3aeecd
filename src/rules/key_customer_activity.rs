//! `key-customer-activity`: key customers get planned activities.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::Message;
use crate::model::Category;

pub struct KeyCustomerActivity;

static META: RuleMeta = RuleMeta {
    id: RuleId::KEY_CUSTOMER_ACTIVITY,
    default_level: Level::Warning,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for KeyCustomerActivity {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let plan = cx.plan;
        let is_activity = |m: &str| plan.metrics.get(m).is_some_and(|m| m.activity);
        let p = cx.portfolio();
        let tied = p
            .customers
            .iter()
            .any(|c| c.customer.customer.target.keys().any(|m| is_activity(m)));
        if !tied {
            return;
        }
        for placed in &p.customers {
            let c = placed.customer.customer;
            if placed.category == Category::Key && !c.target.keys().any(|m| is_activity(m)) {
                out.push(
                    cx.found(
                        placed.customer.file,
                        &placed.customer.pointer(""),
                        Message::new("key-customer-activity").text("customer", &c.name),
                    )
                    .with_help(Message::new("key-customer-activity-help")),
                );
            }
        }
    }
}
