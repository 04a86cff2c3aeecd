//! Reports: the render context (a documented interface for template
//! authors) built from the model, roll-ups, portfolio and diagnostics.

mod budget;
pub mod charts;
pub mod context;
pub mod diff;
pub mod diff_render;
pub mod labels;
pub mod linked;
pub mod render;
pub mod xlsx;
