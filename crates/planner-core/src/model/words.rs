//! The planner's words in Korean and English, one function per concept: the
//! names of units, schedule columns, sources, a pledge's label and its
//! classification boxes, the SDGs, and the shared UI texts ([`Msg`]). The
//! overview, the editor views, the deck, the exports and `plancheck` all take
//! a concept's words from here, so they cannot drift apart. (A component's
//! own one-off texts — a heading, a hint — stay with it, as `lang.pick`.)
//! A missing translation is a compile error, since every match covers both
//! languages.

use crate::model::amount::{AmountError, Unit};
use crate::model::plan::{Actor, Column, Completion, Horizon, Novelty, Plan, PledgeStatus};

/// The language the UI speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 한국어, the language of the documents.
    #[default]
    Ko,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::Ko, Lang::En];

    /// Picks the UI language from a browser language tag (`ko-KR` → Korean,
    /// anything else → English), for a first visit.
    pub fn from_browser_tag(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if primary == "ko" {
            Lang::Ko
        } else {
            Lang::En
        }
    }

    /// The BCP 47 code, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    /// Reads a stored language code back.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// One of two texts: for UI words that only one component uses, kept
    /// beside it rather than in [`Msg`].
    pub fn pick(self, ko: &'static str, en: &'static str) -> &'static str {
        self.either(ko, en)
    }

    /// One of two things in the two languages (a source's two names).
    pub fn either<T>(self, ko: T, en: T) -> T {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }

    /// The language's own name, for the switch (always in that language).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ko => "한국어",
            Lang::En => "English",
        }
    }
}

/// Every fixed text the UI shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    AppName,
    LanguageLabel,
    NavLabel,
    NavStatus,
    NavPlan,
    StatusTitle,
    StatusTableCaption,
    ColUnitProgram,
    ColThisYear,
    ColPriorYear,
    ColChange,
    RowTotal,
    AddProgram,
    RemoveProgram,
    NewProgramName,
    ProgramNameLabel,
    SavedLocally,
    Saving,
    NotSavedStorageBlocked,
    NotSavedQuota,
    NotSavedOther,
    StorageBlockedBanner,
    StoredPlanUnreadable,
    PlanTitleLabel,
    OrganisationLabel,
    UnitLabel,
    ExportJson,
    PlanFacts,
    ProgramCount,
    GrandTotalThisYear,
    PanicTitle,
    PanicBody,
    PanicDownload,
    PanicReload,
    EditHint,
    /// How to write 산출기초 lines, with examples the line-items table accepts.
    ItemsHint,
    ResetDemo,
    ResetDemoConfirm,
    Undo,
    Redo,
    EditHistory,
}

impl Msg {
    /// The text in the given language.
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::*;
        use Msg::*;
        match (self, lang) {
            (AppName, Ko) => "예산 계획기",
            (AppName, En) => "Budget Planner",
            (LanguageLabel, Ko) => "언어",
            (LanguageLabel, En) => "Language",
            (NavLabel, Ko) => "계획 보기",
            (NavLabel, En) => "Plan views",
            (NavStatus, Ko) => "예산현황",
            (NavStatus, En) => "Budget status",
            (NavPlan, Ko) => "계획 정보",
            (NavPlan, En) => "Plan details",
            (StatusTitle, Ko) => "예산현황",
            (StatusTitle, En) => "Budget status",
            (StatusTableCaption, Ko) => "단위사업별 예산액과 전년도 대비 증감",
            (StatusTableCaption, En) => "Budget by unit program, with change from the prior year",
            (ColUnitProgram, Ko) => "단위사업명",
            (ColUnitProgram, En) => "Unit program",
            (ColThisYear, Ko) => "예산액",
            (ColThisYear, En) => "This year",
            (ColPriorYear, Ko) => "전년도 예산액",
            (ColPriorYear, En) => "Prior year",
            (ColChange, Ko) => "증(△)감",
            (ColChange, En) => "Change (△)",
            (RowTotal, Ko) => "계",
            (RowTotal, En) => "Total",
            (AddProgram, Ko) => "단위사업 추가",
            (AddProgram, En) => "Add unit program",
            (RemoveProgram, Ko) => "삭제",
            (RemoveProgram, En) => "Remove",
            (NewProgramName, Ko) => "새 단위사업",
            (NewProgramName, En) => "New unit program",
            (ProgramNameLabel, Ko) => "단위사업명",
            (ProgramNameLabel, En) => "Unit program name",
            (SavedLocally, Ko) => "이 브라우저에 저장됨",
            (SavedLocally, En) => "Saved in this browser",
            (Saving, Ko) => "저장 중…",
            (Saving, En) => "Saving…",
            (NotSavedStorageBlocked, Ko) => "저장되지 않음: 이 브라우저의 저장소를 쓸 수 없습니다. 파일로 내보내세요.",
            (NotSavedStorageBlocked, En) => "Not saved: this browser's storage is blocked. Export the plan to a file.",
            (NotSavedQuota, Ko) => "저장되지 않음: 저장 공간이 가득 찼습니다. 마지막 저장본은 그대로입니다. 파일로 내보내세요.",
            (NotSavedQuota, En) => "Not saved: storage is full. The last saved version is intact. Export the plan to a file.",
            (NotSavedOther, Ko) => "저장되지 않음: 브라우저가 저장을 거부했습니다. 마지막 저장본은 그대로입니다.",
            (NotSavedOther, En) => "Not saved: the browser refused to save. The last saved version is intact.",
            (StorageBlockedBanner, Ko) => "이 브라우저는 저장소를 막고 있습니다(사생활 보호 모드이거나 사용 안 함). 작업은 이 탭에서만 유지되니 파일로 내보내세요.",
            (StorageBlockedBanner, En) => "This browser blocks storage (private mode or disabled). Work stays in this tab only: export it to a file.",
            (StoredPlanUnreadable, Ko) => "저장된 계획을 읽을 수 없어 건드리지 않고 따로 보관했습니다. 다른 계획은 그대로 열 수 있습니다.",
            (StoredPlanUnreadable, En) => "A stored plan could not be read; it was set aside untouched. The other plans still open.",
            (PlanTitleLabel, Ko) => "계획 이름",
            (PlanTitleLabel, En) => "Plan title",
            (OrganisationLabel, Ko) => "기관",
            (OrganisationLabel, En) => "Organisation",
            (UnitLabel, Ko) => "표시 단위",
            (UnitLabel, En) => "Display unit",
            (ExportJson, Ko) => "JSON 파일로 내보내기",
            (ExportJson, En) => "Export as JSON file",
            (PlanFacts, Ko) => "계획 요약",
            (PlanFacts, En) => "Plan at a glance",
            (ProgramCount, Ko) => "단위사업 수",
            (ProgramCount, En) => "Unit programs",
            (GrandTotalThisYear, Ko) => "올해 예산 합계",
            (GrandTotalThisYear, En) => "This year's budget, total",
            (PanicTitle, Ko) => "예기치 못한 오류가 발생했습니다",
            (PanicTitle, En) => "Something went wrong",
            (PanicBody, Ko) => "앱이 멈췄습니다. 마지막으로 저장된 계획은 이 브라우저에 남아 있습니다. 아래에서 현재 계획을 내려받은 뒤 새로 고치세요.",
            (PanicBody, En) => "The app stopped. The last saved plan is still in this browser. Download the current plan below, then reload.",
            (PanicDownload, Ko) => "현재 계획 내려받기 (JSON)",
            (PanicDownload, En) => "Download the current plan (JSON)",
            (PanicReload, Ko) => "새로 고침",
            (PanicReload, En) => "Reload",
            (ItemsHint, Ko) => "예산서처럼 씁니다: 5,000원 × 300부 = 1,500, 2,000,000원 × 3명 × 12개월, (1,000원 + 500원) × 4회. 식 안의 금액은 원 단위이고, = 뒤의 결과와 금액만 있는 줄(3,000)은 표의 단위입니다. 절감액처럼 빼는 줄은 △250,000원 × 2 처럼 씁니다. 쓸 수 있는 기호: × x * ÷ / + - 괄호. = 뒤의 결과가 명시 금액이 되고, 명시 금액이 비어 있으면 확인하지 않습니다. 항목 합계는 예산액과 대조합니다.",
            (ItemsHint, En) => "Write lines as a budget book prints them: 5,000 won × 300 copies = 1,500, 2,000,000 won × 3 people × 12 months, (1,000 won + 500 won) × 4 times. Amounts inside the formula are in won; the result after = and a line with only an amount (3,000) are in the table's unit. A savings line subtracts: △250,000 won × 2. Operators: × x * ÷ / + - and parentheses. The result after = is the stated amount; an empty stated amount is not checked. The items' total is checked against the program's budget this year.",
            (EditHint, Ko) => "금액은 1,234,567 · 1234567 처럼 입력합니다. 합계와 증감은 바로 계산됩니다. 문서의 합계·증감 입력·대조를 켜면 계 행과 증감 열에 문서에 인쇄된 값(△21,634 · -21634 처럼 감액도)을 입력해 계산한 값과 대조합니다. 스프레드시트에서 복사한 표(사업명·예산액·전년도 예산액)를 붙여넣으면 행과 열대로 채워지고, 함께 복사된 계 행과 증감 열은 채우지 않고 맞는지 확인합니다.",
            (EditHint, En) => "Type amounts as 1,234,567 · 1234567. Totals and change update as you type. With the document's printed totals switched on, type the Total row and the change column as printed (a cut as △21,634 or -21634) and they are checked against the computed ones. A table copied from a spreadsheet (name, this year, prior year) fills rows and columns; a Total row and a change column that come with it are checked, not filled in.",
            (ResetDemo, Ko) => "예시 계획으로 되돌리기",
            (ResetDemo, En) => "Restore the demo plan",
            (ResetDemoConfirm, Ko) => "현재 계획을 예시 계획으로 바꿀까요? 실행 취소로 되돌릴 수 있습니다.",
            (ResetDemoConfirm, En) => "Replace the current plan with the demo plan? Undo brings it back.",
            (Undo, Ko) => "실행 취소",
            (Undo, En) => "Undo",
            (Redo, Ko) => "다시 실행",
            (Redo, En) => "Redo",
            (EditHistory, Ko) => "편집 기록",
            (EditHistory, En) => "Edit history",
        }
    }
}

/// A staffing table's service group or grade as the English tables print
/// it: the plan holds what the planner typed (일반직, 5급), and the common
/// civil-service terms read in English (General service, Grade 5); anything
/// else, and every term in Korean, stays as typed.
pub fn staffing_name(text: &str, lang: Lang) -> String {
    if lang == Lang::Ko {
        return text.to_string();
    }
    let term = |part: &str| -> Option<String> {
        let part = part.trim();
        let known = match part {
            "일반직" => "General service",
            "관리운영직" => "Administrative operations",
            "별정직" => "Special service",
            "임기제" => "Fixed-term",
            "기능직" => "Technical service",
            "연구직" => "Research",
            "지도직" => "Extension service",
            "계약직" => "Contract",
            "전문경력관" => "Career specialist",
            "공무직" => "Public service staff",
            _ => {
                let grade = part.strip_suffix('급')?;
                return (!grade.is_empty()
                    && grade.len() <= 2
                    && grade.bytes().all(|b| b.is_ascii_digit()))
                .then(|| format!("Grade {grade}"));
            }
        };
        Some(known.to_string())
    };
    let parts: Option<Vec<String>> = text.split('·').map(term).collect();
    parts.map_or_else(|| text.to_string(), |p| p.join(" · "))
}

/// A grid column's heading as the table prints it (기투자, 2019, 장기).
pub fn column_name(column: Column, lang: Lang) -> String {
    match column {
        Column::Before => lang.pick("기투자", "Before the term").to_string(),
        Column::After => lang.pick("장기", "After the term").to_string(),
        Column::Year(y) => y.to_string(),
    }
}

/// A source's name in `lang`, or its key if the plan does not list it.
pub fn source_name(plan: &Plan, source: &str, lang: Lang) -> String {
    plan.source(source).map_or_else(
        || source.to_string(),
        |s| match lang {
            Lang::Ko => s.name_ko.clone(),
            Lang::En => s.name_en.clone(),
        },
    )
}

/// A pledge as every view names it: `공약 17 · title`, the title alone when
/// it has no number, and `(이름 없음)` for neither.
pub fn pledge_label(number: &str, title: &str, lang: Lang) -> String {
    let (number, title) = (number.trim(), title.trim());
    match (number.is_empty(), title.is_empty()) {
        (false, false) => format!("{} {number} · {title}", lang.pick("공약", "Pledge")),
        (false, true) => format!("{} {number}", lang.pick("공약", "Pledge")),
        (true, false) => title.to_string(),
        (true, true) => lang.pick("(이름 없음)", "(untitled)").to_string(),
    }
}

/// 추진상황 in words.
pub fn status_word(status: PledgeStatus, lang: Lang) -> &'static str {
    match status {
        PledgeStatus::OnTrack => lang.pick("정상추진", "On track"),
        PledgeStatus::Done => lang.pick("완료", "Done"),
        PledgeStatus::DoneContinuing => lang.pick("이행 후 계속추진", "Done, continuing"),
        PledgeStatus::OnHold => lang.pick("보류", "On hold"),
        PledgeStatus::Dropped => lang.pick("폐기", "Dropped"),
    }
}

/// 사업완료 시점 in words.
pub fn completion_word(completion: Completion, lang: Lang) -> &'static str {
    match completion {
        Completion::WithinTerm => lang.pick("임기내", "Within the term"),
        Completion::AfterTerm => lang.pick("임기후", "After the term"),
    }
}

/// 신규 / 계속 in words.
pub fn novelty_word(novelty: Novelty, lang: Lang) -> &'static str {
    match novelty {
        Novelty::New => lang.pick("신규", "New"),
        Novelty::Continuing => lang.pick("계속", "Continuing"),
    }
}

/// 사업주체 in words.
pub fn actor_word(actor: Actor, lang: Lang) -> &'static str {
    match actor {
        Actor::Government => lang.pick("정부", "Government"),
        Actor::City => lang.pick("시", "City"),
        Actor::District => lang.pick("구", "District"),
        Actor::Other => lang.pick("기타", "Other"),
    }
}

/// 사업기간 (단기 / 중기 / 장기) in words.
pub fn horizon_word(horizon: Horizon, lang: Lang) -> &'static str {
    match horizon {
        Horizon::Short => lang.pick("단기", "Short"),
        Horizon::Mid => lang.pick("중기", "Medium"),
        Horizon::Long => lang.pick("장기", "Long"),
    }
}

/// 예산 / 비예산 in words.
pub fn budgetary_word(budgetary: bool, lang: Lang) -> &'static str {
    if budgetary {
        lang.pick("예산", "Budgetary")
    } else {
        lang.pick("비예산", "Non-budgetary")
    }
}

/// The name of UN Sustainable Development Goal `goal` (1–17), if it is one.
pub fn sdg_name(goal: u8, lang: Lang) -> Option<&'static str> {
    const NAMES: [(&str, &str); 17] = [
        ("빈곤 종식", "No poverty"),
        ("기아 종식", "Zero hunger"),
        ("건강과 웰빙", "Good health and well-being"),
        ("양질의 교육", "Quality education"),
        ("성평등", "Gender equality"),
        ("깨끗한 물과 위생", "Clean water and sanitation"),
        ("깨끗한 에너지", "Affordable and clean energy"),
        (
            "양질의 일자리와 경제성장",
            "Decent work and economic growth",
        ),
        (
            "산업, 혁신과 사회기반시설",
            "Industry, innovation and infrastructure",
        ),
        ("불평등 감소", "Reduced inequalities"),
        (
            "지속가능한 도시와 공동체",
            "Sustainable cities and communities",
        ),
        (
            "책임 있는 소비와 생산",
            "Responsible consumption and production",
        ),
        ("기후변화 대응", "Climate action"),
        ("해양 생태계", "Life below water"),
        ("육상 생태계", "Life on land"),
        (
            "평화, 정의와 제도",
            "Peace, justice and strong institutions",
        ),
        ("목표를 위한 파트너십", "Partnerships for the goals"),
    ];
    let (ko, en) = NAMES.get(usize::from(goal).checked_sub(1)?)?;
    Some(lang.pick(ko, en))
}

/// The years within a schedule's term as its column group says them:
/// 임기 내 for a pledge, 사업기간 내 for a program.
pub fn within_words(pledge: bool, lang: Lang) -> &'static str {
    if pledge {
        lang.pick("임기 내", "Within the term")
    } else {
        lang.pick("사업기간 내", "Within the period")
    }
}

/// The one total the plans home and an import's preview show of a plan
/// ([`crate::file::library::grand_total`]): its name, and what it means,
/// said in the name's tooltip.
pub fn total_cost_words(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Ko => (
            "총사업비",
            "모든 사업의 연차별 소요예산(기투자·연도별·장기)을 더한 금액. 계획의 단위로 표시합니다.",
        ),
        Lang::En => (
            "Total cost",
            "Every program's schedule (before, each year, after) added up, in the plan's own unit.",
        ),
    }
}

/// A unit's caption above a table: `(단위: 천원)` / `(Unit: KRW 1,000)`.
pub fn unit_caption(unit: Unit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::Won, Lang::Ko) => "(단위: 원)",
        (Unit::Thousand, Lang::Ko) => "(단위: 천원)",
        (Unit::Million, Lang::Ko) => "(단위: 백만원)",
        (Unit::Won, Lang::En) => "(Unit: KRW)",
        (Unit::Thousand, Lang::En) => "(Unit: KRW 1,000)",
        (Unit::Million, Lang::En) => "(Unit: KRW 1,000,000)",
    }
}

/// A unit's short name, for pickers.
pub fn unit_name(unit: Unit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::Won, Lang::Ko) => "원",
        (Unit::Thousand, Lang::Ko) => "천원",
        (Unit::Million, Lang::Ko) => "백만원",
        (Unit::Won, Lang::En) => "KRW",
        (Unit::Thousand, Lang::En) => "KRW 1,000",
        (Unit::Million, Lang::En) => "KRW 1,000,000",
    }
}

/// What to tell the user at a cell whose figure could not be read. The last
/// good value stays in the plan; the message says how to fix the entry.
pub fn amount_error_message(error: &AmountError, lang: Lang) -> String {
    match (error, lang) {
        (AmountError::UnexpectedChar { ch, position }, Lang::Ko) => {
            format!("숫자가 아닌 문자 '{ch}'({position}번째)가 있습니다. 숫자, 쉼표, △만 쓸 수 있습니다.")
        }
        (AmountError::UnexpectedChar { ch, position }, Lang::En) => {
            format!(
                "'{ch}' (character {position}) is not part of a number. Use digits, commas and △."
            )
        }
        (AmountError::NoDigits, Lang::Ko) => "부호 뒤에 숫자가 없습니다.".into(),
        (AmountError::NoDigits, Lang::En) => "There are no digits after the sign.".into(),
        (AmountError::TwoDecimalPoints, Lang::Ko) => "소수점이 두 번 있습니다.".into(),
        (AmountError::TwoDecimalPoints, Lang::En) => "There are two decimal points.".into(),
        (AmountError::MisplacedSeparator, Lang::Ko) => {
            "쉼표는 세 자리마다 찍어야 합니다(예: 1,234,567).".into()
        }
        (AmountError::MisplacedSeparator, Lang::En) => {
            "Commas must separate groups of three digits (as in 1,234,567).".into()
        }
        (AmountError::MisplacedSign, Lang::Ko) => "△ 또는 - 는 숫자 앞에만 씁니다.".into(),
        (AmountError::MisplacedSign, Lang::En) => "△ or - goes only in front of the number.".into(),
        (AmountError::TooLarge, Lang::Ko) => "너무 큰 수입니다(10^15원 초과).".into(),
        (AmountError::TooLarge, Lang::En) => "That number is too large (over 10^15 won).".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staffing_terms_read_in_english_and_anything_else_as_typed() {
        let en = |t: &str| staffing_name(t, Lang::En);
        assert_eq!(en("일반직"), "General service");
        assert_eq!(en("5급"), "Grade 5");
        assert_eq!(en("10급"), "Grade 10");
        assert_eq!(en("별정직·임기제"), "Special service · Fixed-term");
        assert_eq!(en("급"), "급");
        assert_eq!(en("5급 상당"), "5급 상당");
        assert_eq!(
            en("별정직·기타"),
            "별정직·기타",
            "one unknown part: all as typed"
        );
        assert_eq!(en("Analyst"), "Analyst");
        assert_eq!(staffing_name("5급", Lang::Ko), "5급");
    }

    #[test]
    fn browser_language_picks_korean_only_for_korean() {
        assert_eq!(Lang::from_browser_tag("ko-KR"), Lang::Ko);
        assert_eq!(Lang::from_browser_tag("ko"), Lang::Ko);
        assert_eq!(Lang::from_browser_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_browser_tag("de"), Lang::En);
        assert_eq!(Lang::from_browser_tag(""), Lang::En);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }

    #[test]
    fn cell_message_names_the_bad_character() {
        let e = AmountError::UnexpectedChar {
            ch: 'a',
            position: 3,
        };
        assert!(amount_error_message(&e, Lang::En).contains("'a'"));
        assert!(amount_error_message(&e, Lang::Ko).contains("'a'"));
    }
}
