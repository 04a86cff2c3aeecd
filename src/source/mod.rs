//! Bytes to a spanned tree: YAML events and CSV rows read into one tree in
//! which every node keeps its position, and a serde deserializer that reads
//! the typed model straight from it. The lowest layer: it imports nothing
//! of the crate.

pub mod csv;
pub mod de;
pub mod edit;
pub mod pointer;
pub mod xlsx;
pub mod yaml;
