//! The first visit: what the app is, that the data stays in this browser,
//! and three ways to start (a new plan, a file, the demo). The plans home
//! shows it whole; the other views a line pointing there. Both go once the
//! user has started ([`crate::state::Plans::started`]).

use leptos::prelude::*;

use crate::browser;
use crate::state::{use_nav, use_plans, use_session, View};

/// The welcome on the plans home.
#[component]
pub fn Welcome() -> impl IntoView {
    let nav = use_nav();
    let plans = use_plans();
    let session = use_session();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    // The new-plan form and the file picker are on this page, below.
    let new_plan = move |_| {
        browser::focus_element("new-plan-name");
    };
    let import = move |_| {
        browser::click_element("import-file-input");
    };
    let explore = move |_| {
        plans.started();
        if session.id.get_untracked().is_some() {
            nav.go(View::Overview, None);
        }
    };
    view! {
        <Show when=move || plans.welcome()>
            <section class="welcome" aria-labelledby="welcome-title" data-testid="welcome">
                <h2 id="welcome-title">{move || pick("예산 계획기에 오신 것을 환영합니다", "Welcome to the budget planner")}</h2>
                <p>{move || pick(
                    "여러 해에 걸친 사업의 연차별 소요예산, 재원 분담(국비·시비·구비·기타), 공약 목표와 실적을 표로 만듭니다. 숫자를 입력할 때마다 합계와 비율을 정확한 십진 계산으로 바로 검사합니다.",
                    "Build multi-year budget schedules, funding splits (national, city, district, other) and pledge targets against actuals. Every figure you type is checked at once with exact decimal arithmetic: totals foot and shares add up.",
                )}</p>
                <p>{move || pick(
                    "모든 자료는 이 브라우저에만 저장되며 어디로도 보내지 않습니다. 다른 사람과 나누려면 JSON 파일로 내보내세요.",
                    "Everything stays in this browser; nothing is sent anywhere. To share a plan, export it as a JSON file.",
                )}</p>
                <ul class="welcome-starts">
                    <li>
                        <button type="button" class="primary" on:click=new_plan>{move || pick("새 계획 시작하기", "Start a new plan")}</button>
                        <span>{move || pick("제목, 기간, 단위만 정하면 됩니다.", "Give it a title, years and a unit.")}</span>
                    </li>
                    <li>
                        <button type="button" on:click=import>{move || pick("파일 가져오기", "Import a file")}</button>
                        <span>{move || pick("다른 사람이 내보낸 계획 파일(JSON)을 엽니다.", "Open a plan file (JSON) someone exported.")}</span>
                    </li>
                    <li>
                        <button type="button" on:click=explore data-testid="explore-demo">{move || pick("예시 계획 둘러보기", "Explore the demo plan")}</button>
                        <span>{move || pick("실제 문서의 수치로 만든 예시 계획을 봅니다.", "See a plan built from real documents' figures.")}</span>
                    </li>
                </ul>
            </section>
        </Show>
    }
}

/// The line the other views show on a first visit: this is the demo, and
/// where to start.
#[component]
pub fn WelcomeLine() -> impl IntoView {
    let nav = use_nav();
    let plans = use_plans();
    let pick = move |ko: &'static str, en: &'static str| nav.lang.get().pick(ko, en);
    view! {
        <Show when=move || plans.welcome()>
            <aside class="welcome-line" data-testid="welcome-line"
                aria-label=move || pick("처음 방문", "First visit")>
                {move || pick(
                    "처음이신가요? 지금 보이는 것은 예시 계획입니다. ",
                    "New here? This is the demo plan. ",
                )}
                <a href=View::Home.href(None)>{move || pick("내 계획 시작하기", "Start a plan of your own")}</a>
                " "
                <button type="button" on:click=move |_| plans.started()>
                    {move || pick("예시 계속 보기", "Keep exploring the demo")}
                </button>
            </aside>
        </Show>
    }
}
