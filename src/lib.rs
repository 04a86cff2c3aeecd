//! salgsmal: a sales team's goal management as code.
//!
//! The data's path through the program: `load` reads a plan repository into
//! a spanned tree and the typed `model`; `rules` turn the model into
//! `diag`nostics; `commands` glue these to the command line.

pub mod cli;
pub mod commands;
pub mod diag;
pub mod format;
pub mod load;
pub mod model;
pub mod portfolio;
pub mod report;
pub mod rollup;
pub mod rules;
