//! salgsmal: a sales team's goal management as code.
//!
//! The data's path through the program: `load` reads a plan repository into
//! a spanned tree and the typed `model`; `rules` turn the model into
//! `diag`nostics; `commands` glue these to the command line.

pub mod analysis;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod i18n;
pub mod load;
pub mod model;
pub mod report;
pub mod rules;
pub mod source;
