//! The budget planner's domain: what a plan is, how its figures are computed,
//! checked, written and read. Nothing here knows about the browser, so all of
//! it is tested natively with `cargo test`.

pub mod amount;
pub mod basis;
pub mod bench;
pub mod chart;
pub mod compare;
pub mod deck;
pub mod demo;
pub mod derive;
pub mod document;
pub mod edit;
pub mod export;
pub mod field;
pub mod figure;
pub mod file;
pub mod foot;
pub mod generate;
pub mod grid;
pub mod history;
pub mod i18n;
pub mod library;
pub mod limits;
pub mod locate;
pub mod paste;
pub mod plan;
#[cfg(feature = "schema")]
pub mod schema;
pub mod slide;
pub mod split;
pub mod validate;
pub mod worksheet;
pub mod xlsx;

pub use amount::{Amount, Unit};
pub use edit::{Edit, Owner};
pub use i18n::{Lang, Msg};
pub use plan::{Plan, Program};
