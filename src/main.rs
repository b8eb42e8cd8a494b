//! Entry point of the wasm binary Trunk builds.

fn main() {
    budget_planner::start();
}
