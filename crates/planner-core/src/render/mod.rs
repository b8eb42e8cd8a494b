//! Text made from views (the figures in the one format of each kind, from
//! `model::amount` and `model::figure`): HTML whose
//! only way in for plan text is escaping, SVG charts, slide bodies, the CSV
//! and XLSX exports and the names of exported files.

pub mod chart;
pub mod csv;
pub mod html;
pub mod names;
pub mod slide;
pub mod xlsx;
pub mod zip;
