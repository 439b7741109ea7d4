//! How figures are shown: bar charts, display colours, and the Stocktaking Report as a
//! document. Used by the pages and by `stocktaking report`; it reads `service` and
//! `model`, and nothing below it reads it.

pub mod charts;
pub mod colours;
pub mod report;
