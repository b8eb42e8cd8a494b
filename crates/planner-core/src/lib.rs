//! The budget planner's domain: what a plan is, how its figures are computed,
//! written and read. Nothing here knows about the browser, so all of it is
//! tested natively with `cargo test`.

pub mod amount;
pub mod demo;
pub mod file;
pub mod i18n;
pub mod plan;

pub use amount::{Amount, Unit};
pub use i18n::{Lang, Msg};
pub use plan::{Edit, Plan, Program};
