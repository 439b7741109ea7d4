//! The texts of the public selection pages (the list, a selection, a project's selections)
//! in the six UN languages (one complete table per language).

use crate::model::{Language, SelectionKind};

/// The texts of the public selection pages (each field is named after its English text).
#[allow(missing_docs)]
pub struct SelectionsTexts {
    pub selections: &'static str,
    pub intro: &'static str,
    pub kind: &'static str,
    pub all_kinds: &'static str,
    pub year: &'static str,
    pub all_years: &'static str,
    pub show: &'static str,
    pub by_kind: &'static str,
    pub shown: &'static str,
    pub projects: &'static str,
    pub none_yet: &'static str,
    pub none_match: &'static str,
    pub all_selections: &'static str,
    pub in_selections: &'static str,
    pub gone: &'static str,
    /// The kinds' names in the plural, in [`SelectionKind::ALL`] order.
    pub kinds: [&'static str; 4],
}

/// The selection texts of a language.
pub fn selections_texts(lang: Language) -> &'static SelectionsTexts {
    // In the order of `Language::ALL`.
    [&AR, &ZH, &EN, &FR, &RU, &ES][lang.index()]
}

/// A selection kind's name in the plural.
pub fn kinds(lang: Language, kind: SelectionKind) -> &'static str {
    selections_texts(lang).kinds[kind.index()]
}

static EN: SelectionsTexts = SelectionsTexts {
    selections: "Selections",
    intro: "Projects chosen by the WSIS secretariat: WSIS TalkX sessions, WSIS Prizes shortlists and chapters of the Stocktaking Report.",
    kind: "Kind",
    all_kinds: "All kinds",
    year: "Year",
    all_years: "All years",
    show: "Show",
    by_kind: "Selections by kind",
    shown: "Selections shown:",
    projects: "Projects:",
    none_yet: "No selection has been published yet.",
    none_match: "No published selection matches this filter.",
    all_selections: "All selections",
    in_selections: "In selections",
    gone: "This project is no longer public.",
    kinds: [
        "WSIS TalkX sessions",
        "WSIS Prizes shortlists",
        "Stocktaking Report chapters",
        "Collections",
    ],
};

static FR: SelectionsTexts = SelectionsTexts {
    selections: "Sélections",
    intro: "Projets choisis par le secrétariat du SMSI : sessions WSIS TalkX, listes restreintes des Prix du SMSI et chapitres du rapport d'inventaire.",
    kind: "Type",
    all_kinds: "Tous les types",
    year: "Année",
    all_years: "Toutes les années",
    show: "Afficher",
    by_kind: "Sélections par type",
    shown: "Sélections affichées :",
    projects: "Projets :",
    none_yet: "Aucune sélection n'a encore été publiée.",
    none_match: "Aucune sélection publiée ne correspond à ce filtre.",
    all_selections: "Toutes les sélections",
    in_selections: "Dans les sélections",
    gone: "Ce projet n'est plus public.",
    kinds: [
        "Sessions WSIS TalkX",
        "Listes restreintes des Prix du SMSI",
        "Chapitres du rapport d'inventaire",
        "Collections",
    ],
};

static ES: SelectionsTexts = SelectionsTexts {
    selections: "Selecciones",
    intro: "Proyectos elegidos por la secretaría de la CMSI: sesiones WSIS TalkX, listas de preseleccionados de los Premios CMSI y capítulos del informe de inventario.",
    kind: "Tipo",
    all_kinds: "Todos los tipos",
    year: "Año",
    all_years: "Todos los años",
    show: "Mostrar",
    by_kind: "Selecciones por tipo",
    shown: "Selecciones mostradas:",
    projects: "Proyectos:",
    none_yet: "Todavía no se ha publicado ninguna selección.",
    none_match: "Ninguna selección publicada coincide con este filtro.",
    all_selections: "Todas las selecciones",
    in_selections: "En selecciones",
    gone: "Este proyecto ya no es público.",
    kinds: [
        "Sesiones WSIS TalkX",
        "Listas de preseleccionados de los Premios CMSI",
        "Capítulos del informe de inventario",
        "Colecciones",
    ],
};

static RU: SelectionsTexts = SelectionsTexts {
    selections: "Подборки",
    intro: "Проекты, отобранные секретариатом ВВУИО: сессии WSIS TalkX, шорт-листы премий ВВУИО и главы доклада об инвентаризации.",
    kind: "Вид",
    all_kinds: "Все виды",
    year: "Год",
    all_years: "Все годы",
    show: "Показать",
    by_kind: "Подборки по видам",
    shown: "Показано подборок:",
    projects: "Проектов:",
    none_yet: "Пока не опубликовано ни одной подборки.",
    none_match: "Ни одна опубликованная подборка не соответствует этому фильтру.",
    all_selections: "Все подборки",
    in_selections: "В подборках",
    gone: "Этот проект больше не публичен.",
    kinds: [
        "Сессии WSIS TalkX",
        "Шорт-листы премий ВВУИО",
        "Главы доклада об инвентаризации",
        "Коллекции",
    ],
};

static ZH: SelectionsTexts = SelectionsTexts {
    selections: "精选",
    intro: "信息社会世界峰会秘书处挑选的项目：WSIS TalkX 会议、信息社会世界峰会奖候选名单和盘点报告章节。",
    kind: "类型",
    all_kinds: "所有类型",
    year: "年份",
    all_years: "所有年份",
    show: "显示",
    by_kind: "按类型浏览精选",
    shown: "当前显示：",
    projects: "项目数：",
    none_yet: "尚未发布任何精选。",
    none_match: "没有与此筛选条件匹配的已发布精选。",
    all_selections: "所有精选",
    in_selections: "所属精选",
    gone: "该项目已不再公开。",
    kinds: [
        "WSIS TalkX 会议",
        "信息社会世界峰会奖候选名单",
        "盘点报告章节",
        "合集",
    ],
};

static AR: SelectionsTexts = SelectionsTexts {
    selections: "المختارات",
    intro: "مشاريع اختارتها أمانة القمة العالمية لمجتمع المعلومات: جلسات WSIS TalkX والقوائم القصيرة لجوائز القمة وفصول تقرير الحصر.",
    kind: "النوع",
    all_kinds: "جميع الأنواع",
    year: "السنة",
    all_years: "جميع السنوات",
    show: "عرض",
    by_kind: "المختارات حسب النوع",
    shown: "المختارات المعروضة:",
    projects: "عدد المشاريع:",
    none_yet: "لم تُنشر أي مختارات بعد.",
    none_match: "لا توجد مختارات منشورة تطابق عامل التصفية هذا.",
    all_selections: "جميع المختارات",
    in_selections: "ضمن المختارات",
    gone: "لم يعد هذا المشروع منشورًا.",
    kinds: [
        "جلسات WSIS TalkX",
        "القوائم القصيرة لجوائز القمة",
        "فصول تقرير الحصر",
        "مجموعات",
    ],
};
