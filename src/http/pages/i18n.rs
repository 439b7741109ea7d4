//! The pages' words in the six UN languages: navigation and form texts ([`Texts`], one
//! complete table per language, so a missing translation does not compile) and the
//! taxonomy's labels. Project texts are never translated.

use std::sync::OnceLock;

use crate::model::{
    ActionLine, Country, Language, Region, Scope, Sdg, StakeholderType, State, Status,
};

/// Whether a language is written right to left.
pub fn is_rtl(lang: Language) -> bool {
    lang == Language::Ar
}

/// The language's name in itself, for the language picker.
pub fn endonym(lang: Language) -> &'static str {
    match lang {
        Language::Ar => "العربية",
        Language::Zh => "中文",
        Language::En => "English",
        Language::Fr => "Français",
        Language::Ru => "Русский",
        Language::Es => "Español",
    }
}

/// The interface's texts in one language (each field is named after its English text).
#[allow(missing_docs)]
pub struct Texts {
    pub site_name: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav: &'static str,
    pub nav_search: &'static str,
    pub nav_covid: &'static str,
    pub nav_stats: &'static str,
    pub nav_submit: &'static str,
    pub nav_secretariat: &'static str,
    pub language: &'static str,
    pub search_heading: &'static str,
    pub covid_heading: &'static str,
    pub covid_intro: &'static str,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub filters: &'static str,
    pub apply_filters: &'static str,
    pub clear_filters: &'static str,
    pub remove_filter: &'static str,
    pub results_count: &'static str,
    pub no_results: &'static str,
    pub no_results_hint: &'static str,
    pub sort_label: &'static str,
    pub sort_relevance: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub sort_title: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub page: &'static str,
    pub pagination: &'static str,
    pub action_lines: &'static str,
    pub sdgs: &'static str,
    pub regions: &'static str,
    pub countries: &'static str,
    pub more_countries: &'static str,
    pub stakeholder_type: &'static str,
    pub scope: &'static str,
    pub status: &'static str,
    pub start_year: &'static str,
    pub year_from: &'static str,
    pub year_to: &'static str,
    pub covid19: &'static str,
    pub covid_any: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub organization: &'static str,
    pub description: &'static str,
    pub title: &'static str,
    pub website: &'static str,
    pub start_date: &'static str,
    pub end_date: &'static str,
    pub project_language: &'static str,
    pub published_on: &'static str,
    pub search_same: &'static str,
    pub not_found: &'static str,
    pub not_found_text: &'static str,
    pub bad_request: &'static str,
    pub submit_heading: &'static str,
    pub submit_intro: &'static str,
    pub submit_button: &'static str,
    pub required: &'static str,
    pub contact: &'static str,
    pub contact_hint: &'static str,
    pub contact_name: &'static str,
    pub contact_email: &'static str,
    pub choose: &'static str,
    pub countries_hint: &'static str,
    pub form_has_errors: &'static str,
    pub submitted_heading: &'static str,
    pub submitted_text: &'static str,
    pub edit_link: &'static str,
    pub edit_link_hint: &'static str,
    pub your_submission: &'static str,
    pub state: &'static str,
    pub version: &'static str,
    pub messages: &'static str,
    pub no_messages: &'static str,
    pub revise_heading: &'static str,
    pub revise_button: &'static str,
    pub withdraw_heading: &'static str,
    pub withdraw_button: &'static str,
    pub waiting_revision: &'static str,
    pub done: &'static str,
    pub stats_heading: &'static str,
    pub stats_intro: &'static str,
    pub projects: &'static str,
    pub by_action_line_region: &'static str,
    pub total: &'static str,
    pub table: &'static str,
    pub footer: &'static str,
}

/// The texts of a language.
pub fn texts(lang: Language) -> &'static Texts {
    match lang {
        Language::Ar => &AR,
        Language::Zh => &ZH,
        Language::En => &EN,
        Language::Fr => &FR,
        Language::Ru => &RU,
        Language::Es => &ES,
    }
}

static EN: Texts = Texts {
    site_name: "WSIS Stocktaking",
    skip_to_content: "Skip to content",
    main_nav: "Main",
    nav_search: "Search",
    nav_covid: "COVID-19 ICT Case Repository",
    nav_stats: "Statistics",
    nav_submit: "Submit a project",
    nav_secretariat: "Secretariat",
    language: "Language",
    search_heading: "Search ICT for development projects",
    covid_heading: "COVID-19 ICT Case Repository",
    covid_intro: "Projects that use ICTs in response to the COVID-19 pandemic.",
    search_label: "Search projects",
    search_button: "Search",
    filters: "Filters",
    apply_filters: "Apply filters",
    clear_filters: "Clear all filters",
    remove_filter: "Remove filter",
    results_count: "projects found",
    no_results: "No project matches this search.",
    no_results_hint: "Try fewer words, or drop one of these filters:",
    sort_label: "Sort by",
    sort_relevance: "Relevance",
    sort_newest: "Newest first",
    sort_oldest: "Oldest first",
    sort_title: "Title",
    previous: "Previous",
    next: "Next",
    page: "Page",
    pagination: "Pages of results",
    action_lines: "WSIS Action Lines",
    sdgs: "Sustainable Development Goals",
    regions: "ITU regions",
    countries: "Countries",
    more_countries: "More countries",
    stakeholder_type: "Stakeholder type",
    scope: "Scope",
    status: "Status",
    start_year: "Start year",
    year_from: "From",
    year_to: "To",
    covid19: "COVID-19 response",
    covid_any: "Any",
    yes: "Yes",
    no: "No",
    organization: "Organization",
    description: "Description",
    title: "Title",
    website: "Website",
    start_date: "Start date",
    end_date: "End date",
    project_language: "Language of the text",
    published_on: "Published",
    search_same: "Find projects with the same tag",
    not_found: "Page not found",
    not_found_text: "There is no such page or project, or it is not published.",
    bad_request: "This request cannot be answered",
    submit_heading: "Submit a project",
    submit_intro: "Describe your ICT for development project. The WSIS secretariat reviews every submission before it is published.",
    submit_button: "Submit for review",
    required: "required",
    contact: "Contact (seen by the secretariat only)",
    contact_hint: "We use it only to ask about this submission.",
    contact_name: "Name",
    contact_email: "E-mail",
    choose: "Choose…",
    countries_hint: "Hold Ctrl (or Cmd) to choose several.",
    form_has_errors: "Please correct the fields marked below.",
    submitted_heading: "Thank you: your project was submitted",
    submitted_text: "The secretariat will review it. Keep this private link: with it you can see your submission, read the secretariat's messages, revise it or withdraw it.",
    edit_link: "Your private link",
    edit_link_hint: "Anyone with this link can change your submission; do not share it.",
    your_submission: "Your submission",
    state: "State",
    version: "Version",
    messages: "Messages from the secretariat",
    no_messages: "No message yet.",
    revise_heading: "Revise your submission",
    revise_button: "Save the revision",
    withdraw_heading: "Withdraw your submission",
    withdraw_button: "Withdraw",
    waiting_revision: "Your revision waits for the secretariat; the published text stays until it is approved.",
    done: "Saved.",
    stats_heading: "Statistics",
    stats_intro: "Published projects counted by tag, following the filters below.",
    projects: "projects",
    by_action_line_region: "Action Lines by ITU region",
    total: "Total",
    table: "Table",
    footer: "WSIS Stocktaking: ICT for development projects of all stakeholders.",
};

static FR: Texts = Texts {
    site_name: "Inventaire du SMSI",
    skip_to_content: "Aller au contenu",
    main_nav: "Navigation principale",
    nav_search: "Recherche",
    nav_covid: "Répertoire de cas TIC COVID-19",
    nav_stats: "Statistiques",
    nav_submit: "Soumettre un projet",
    nav_secretariat: "Secrétariat",
    language: "Langue",
    search_heading: "Rechercher des projets TIC pour le développement",
    covid_heading: "Répertoire de cas TIC COVID-19",
    covid_intro: "Projets qui utilisent les TIC pour répondre à la pandémie de COVID-19.",
    search_label: "Rechercher des projets",
    search_button: "Rechercher",
    filters: "Filtres",
    apply_filters: "Appliquer les filtres",
    clear_filters: "Effacer tous les filtres",
    remove_filter: "Retirer le filtre",
    results_count: "projets trouvés",
    no_results: "Aucun projet ne correspond à cette recherche.",
    no_results_hint: "Essayez moins de mots, ou retirez l'un de ces filtres :",
    sort_label: "Trier par",
    sort_relevance: "Pertinence",
    sort_newest: "Plus récents d'abord",
    sort_oldest: "Plus anciens d'abord",
    sort_title: "Titre",
    previous: "Précédent",
    next: "Suivant",
    page: "Page",
    pagination: "Pages de résultats",
    action_lines: "Grandes orientations du SMSI",
    sdgs: "Objectifs de développement durable",
    regions: "Régions de l'UIT",
    countries: "Pays",
    more_countries: "Autres pays",
    stakeholder_type: "Type de partie prenante",
    scope: "Portée",
    status: "État d'avancement",
    start_year: "Année de début",
    year_from: "De",
    year_to: "À",
    covid19: "Réponse à la COVID-19",
    covid_any: "Tous",
    yes: "Oui",
    no: "Non",
    organization: "Organisation",
    description: "Description",
    title: "Titre",
    website: "Site web",
    start_date: "Date de début",
    end_date: "Date de fin",
    project_language: "Langue du texte",
    published_on: "Publié",
    search_same: "Trouver les projets ayant la même étiquette",
    not_found: "Page introuvable",
    not_found_text: "Cette page ou ce projet n'existe pas, ou n'est pas publié.",
    bad_request: "Impossible de répondre à cette requête",
    submit_heading: "Soumettre un projet",
    submit_intro: "Décrivez votre projet TIC pour le développement. Le secrétariat du SMSI examine chaque soumission avant sa publication.",
    submit_button: "Soumettre pour examen",
    required: "obligatoire",
    contact: "Contact (visible par le secrétariat uniquement)",
    contact_hint: "Nous ne l'utilisons que pour des questions sur cette soumission.",
    contact_name: "Nom",
    contact_email: "Courriel",
    choose: "Choisir…",
    countries_hint: "Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.",
    form_has_errors: "Veuillez corriger les champs signalés ci-dessous.",
    submitted_heading: "Merci : votre projet a été soumis",
    submitted_text: "Le secrétariat va l'examiner. Conservez ce lien privé : il vous permet de voir votre soumission, de lire les messages du secrétariat, de la réviser ou de la retirer.",
    edit_link: "Votre lien privé",
    edit_link_hint: "Toute personne disposant de ce lien peut modifier votre soumission ; ne le partagez pas.",
    your_submission: "Votre soumission",
    state: "État",
    version: "Version",
    messages: "Messages du secrétariat",
    no_messages: "Aucun message pour l'instant.",
    revise_heading: "Réviser votre soumission",
    revise_button: "Enregistrer la révision",
    withdraw_heading: "Retirer votre soumission",
    withdraw_button: "Retirer",
    waiting_revision: "Votre révision attend le secrétariat ; le texte publié reste en place jusqu'à son approbation.",
    done: "Enregistré.",
    stats_heading: "Statistiques",
    stats_intro: "Projets publiés comptés par étiquette, selon les filtres ci-dessous.",
    projects: "projets",
    by_action_line_region: "Grandes orientations par région de l'UIT",
    total: "Total",
    table: "Tableau",
    footer: "Inventaire du SMSI : projets TIC pour le développement de toutes les parties prenantes.",
};

static ES: Texts = Texts {
    site_name: "Inventario de la CMSI",
    skip_to_content: "Ir al contenido",
    main_nav: "Navegación principal",
    nav_search: "Búsqueda",
    nav_covid: "Repositorio de casos TIC COVID-19",
    nav_stats: "Estadísticas",
    nav_submit: "Presentar un proyecto",
    nav_secretariat: "Secretaría",
    language: "Idioma",
    search_heading: "Buscar proyectos de TIC para el desarrollo",
    covid_heading: "Repositorio de casos TIC COVID-19",
    covid_intro: "Proyectos que utilizan las TIC en respuesta a la pandemia de COVID-19.",
    search_label: "Buscar proyectos",
    search_button: "Buscar",
    filters: "Filtros",
    apply_filters: "Aplicar filtros",
    clear_filters: "Borrar todos los filtros",
    remove_filter: "Quitar filtro",
    results_count: "proyectos encontrados",
    no_results: "Ningún proyecto coincide con esta búsqueda.",
    no_results_hint: "Pruebe con menos palabras o quite uno de estos filtros:",
    sort_label: "Ordenar por",
    sort_relevance: "Pertinencia",
    sort_newest: "Más recientes primero",
    sort_oldest: "Más antiguos primero",
    sort_title: "Título",
    previous: "Anterior",
    next: "Siguiente",
    page: "Página",
    pagination: "Páginas de resultados",
    action_lines: "Líneas de acción de la CMSI",
    sdgs: "Objetivos de Desarrollo Sostenible",
    regions: "Regiones de la UIT",
    countries: "Países",
    more_countries: "Más países",
    stakeholder_type: "Tipo de parte interesada",
    scope: "Alcance",
    status: "Estado",
    start_year: "Año de inicio",
    year_from: "Desde",
    year_to: "Hasta",
    covid19: "Respuesta a la COVID-19",
    covid_any: "Todos",
    yes: "Sí",
    no: "No",
    organization: "Organización",
    description: "Descripción",
    title: "Título",
    website: "Sitio web",
    start_date: "Fecha de inicio",
    end_date: "Fecha de finalización",
    project_language: "Idioma del texto",
    published_on: "Publicado",
    search_same: "Buscar proyectos con la misma etiqueta",
    not_found: "Página no encontrada",
    not_found_text: "Esta página o proyecto no existe o no está publicado.",
    bad_request: "No se puede responder a esta solicitud",
    submit_heading: "Presentar un proyecto",
    submit_intro: "Describa su proyecto de TIC para el desarrollo. La secretaría de la CMSI revisa cada propuesta antes de publicarla.",
    submit_button: "Enviar para revisión",
    required: "obligatorio",
    contact: "Contacto (solo lo ve la secretaría)",
    contact_hint: "Solo lo usamos para consultas sobre esta propuesta.",
    contact_name: "Nombre",
    contact_email: "Correo electrónico",
    choose: "Elegir…",
    countries_hint: "Mantenga pulsada Ctrl (o Cmd) para elegir varios.",
    form_has_errors: "Corrija los campos señalados abajo.",
    submitted_heading: "Gracias: su proyecto fue enviado",
    submitted_text: "La secretaría lo revisará. Guarde este enlace privado: con él puede ver su propuesta, leer los mensajes de la secretaría, revisarla o retirarla.",
    edit_link: "Su enlace privado",
    edit_link_hint: "Cualquiera con este enlace puede modificar su propuesta; no lo comparta.",
    your_submission: "Su propuesta",
    state: "Estado",
    version: "Versión",
    messages: "Mensajes de la secretaría",
    no_messages: "Todavía no hay mensajes.",
    revise_heading: "Revisar su propuesta",
    revise_button: "Guardar la revisión",
    withdraw_heading: "Retirar su propuesta",
    withdraw_button: "Retirar",
    waiting_revision: "Su revisión espera a la secretaría; el texto publicado se mantiene hasta su aprobación.",
    done: "Guardado.",
    stats_heading: "Estadísticas",
    stats_intro: "Proyectos publicados contados por etiqueta, según los filtros de abajo.",
    projects: "proyectos",
    by_action_line_region: "Líneas de acción por región de la UIT",
    total: "Total",
    table: "Tabla",
    footer: "Inventario de la CMSI: proyectos de TIC para el desarrollo de todas las partes interesadas.",
};

static RU: Texts = Texts {
    site_name: "Инвентаризация ВВУИО",
    skip_to_content: "Перейти к содержанию",
    main_nav: "Основная навигация",
    nav_search: "Поиск",
    nav_covid: "Репозиторий случаев ИКТ COVID-19",
    nav_stats: "Статистика",
    nav_submit: "Подать проект",
    nav_secretariat: "Секретариат",
    language: "Язык",
    search_heading: "Поиск проектов ИКТ в целях развития",
    covid_heading: "Репозиторий случаев ИКТ COVID-19",
    covid_intro: "Проекты, использующие ИКТ в ответ на пандемию COVID-19.",
    search_label: "Искать проекты",
    search_button: "Найти",
    filters: "Фильтры",
    apply_filters: "Применить фильтры",
    clear_filters: "Сбросить все фильтры",
    remove_filter: "Убрать фильтр",
    results_count: "проектов найдено",
    no_results: "Ни один проект не соответствует запросу.",
    no_results_hint: "Попробуйте меньше слов или уберите один из фильтров:",
    sort_label: "Сортировать по",
    sort_relevance: "Релевантности",
    sort_newest: "Сначала новые",
    sort_oldest: "Сначала старые",
    sort_title: "Названию",
    previous: "Назад",
    next: "Далее",
    page: "Страница",
    pagination: "Страницы результатов",
    action_lines: "Направления деятельности ВВУИО",
    sdgs: "Цели в области устойчивого развития",
    regions: "Регионы МСЭ",
    countries: "Страны",
    more_countries: "Другие страны",
    stakeholder_type: "Тип заинтересованной стороны",
    scope: "Масштаб",
    status: "Состояние",
    start_year: "Год начала",
    year_from: "С",
    year_to: "По",
    covid19: "Ответ на COVID-19",
    covid_any: "Все",
    yes: "Да",
    no: "Нет",
    organization: "Организация",
    description: "Описание",
    title: "Название",
    website: "Веб-сайт",
    start_date: "Дата начала",
    end_date: "Дата окончания",
    project_language: "Язык текста",
    published_on: "Опубликован",
    search_same: "Найти проекты с той же меткой",
    not_found: "Страница не найдена",
    not_found_text: "Такой страницы или проекта нет, или он не опубликован.",
    bad_request: "На этот запрос нельзя ответить",
    submit_heading: "Подать проект",
    submit_intro: "Опишите ваш проект ИКТ в целях развития. Секретариат ВВУИО рассматривает каждую заявку перед публикацией.",
    submit_button: "Отправить на рассмотрение",
    required: "обязательно",
    contact: "Контакт (видит только секретариат)",
    contact_hint: "Мы используем его только для вопросов по этой заявке.",
    contact_name: "Имя",
    contact_email: "Электронная почта",
    choose: "Выберите…",
    countries_hint: "Удерживайте Ctrl (или Cmd), чтобы выбрать несколько.",
    form_has_errors: "Исправьте отмеченные ниже поля.",
    submitted_heading: "Спасибо: ваш проект отправлен",
    submitted_text: "Секретариат его рассмотрит. Сохраните эту личную ссылку: по ней вы можете увидеть заявку, прочитать сообщения секретариата, изменить или отозвать её.",
    edit_link: "Ваша личная ссылка",
    edit_link_hint: "Любой, у кого есть эта ссылка, может изменить вашу заявку; не передавайте её.",
    your_submission: "Ваша заявка",
    state: "Состояние",
    version: "Версия",
    messages: "Сообщения секретариата",
    no_messages: "Сообщений пока нет.",
    revise_heading: "Изменить заявку",
    revise_button: "Сохранить изменения",
    withdraw_heading: "Отозвать заявку",
    withdraw_button: "Отозвать",
    waiting_revision: "Ваши изменения ждут секретариат; опубликованный текст остаётся до их одобрения.",
    done: "Сохранено.",
    stats_heading: "Статистика",
    stats_intro: "Опубликованные проекты по меткам с учётом фильтров ниже.",
    projects: "проектов",
    by_action_line_region: "Направления деятельности по регионам МСЭ",
    total: "Всего",
    table: "Таблица",
    footer: "Инвентаризация ВВУИО: проекты ИКТ в целях развития всех заинтересованных сторон.",
};

static ZH: Texts = Texts {
    site_name: "信息社会世界峰会盘点",
    skip_to_content: "跳到正文",
    main_nav: "主导航",
    nav_search: "搜索",
    nav_covid: "COVID-19 信通技术案例库",
    nav_stats: "统计",
    nav_submit: "提交项目",
    nav_secretariat: "秘书处",
    language: "语言",
    search_heading: "搜索信通技术促进发展项目",
    covid_heading: "COVID-19 信通技术案例库",
    covid_intro: "利用信通技术应对 COVID-19 大流行的项目。",
    search_label: "搜索项目",
    search_button: "搜索",
    filters: "筛选",
    apply_filters: "应用筛选",
    clear_filters: "清除所有筛选",
    remove_filter: "移除筛选",
    results_count: "个项目",
    no_results: "没有与此搜索匹配的项目。",
    no_results_hint: "请减少关键词，或移除以下筛选之一：",
    sort_label: "排序",
    sort_relevance: "相关性",
    sort_newest: "最新优先",
    sort_oldest: "最早优先",
    sort_title: "标题",
    previous: "上一页",
    next: "下一页",
    page: "页",
    pagination: "结果分页",
    action_lines: "信息社会世界峰会行动方针",
    sdgs: "可持续发展目标",
    regions: "国际电联区域",
    countries: "国家",
    more_countries: "更多国家",
    stakeholder_type: "利益攸关方类型",
    scope: "范围",
    status: "状态",
    start_year: "开始年份",
    year_from: "自",
    year_to: "至",
    covid19: "应对 COVID-19",
    covid_any: "全部",
    yes: "是",
    no: "否",
    organization: "组织",
    description: "说明",
    title: "标题",
    website: "网站",
    start_date: "开始日期",
    end_date: "结束日期",
    project_language: "文本语言",
    published_on: "发布",
    search_same: "查找具有相同标签的项目",
    not_found: "未找到页面",
    not_found_text: "该页面或项目不存在，或尚未发布。",
    bad_request: "无法响应此请求",
    submit_heading: "提交项目",
    submit_intro: "请介绍您的信通技术促进发展项目。信息社会世界峰会秘书处在发布前审核每一份提交。",
    submit_button: "提交审核",
    required: "必填",
    contact: "联系人（仅秘书处可见）",
    contact_hint: "我们仅在询问本提交时使用。",
    contact_name: "姓名",
    contact_email: "电子邮件",
    choose: "请选择…",
    countries_hint: "按住 Ctrl（或 Cmd）可多选。",
    form_has_errors: "请更正下方标出的字段。",
    submitted_heading: "谢谢：您的项目已提交",
    submitted_text:
        "秘书处将进行审核。请保存此私人链接：通过它可以查看提交、阅读秘书处的消息、修改或撤回提交。",
    edit_link: "您的私人链接",
    edit_link_hint: "任何持有此链接的人都可以更改您的提交；请勿分享。",
    your_submission: "您的提交",
    state: "状态",
    version: "版本",
    messages: "秘书处的消息",
    no_messages: "暂无消息。",
    revise_heading: "修改您的提交",
    revise_button: "保存修改",
    withdraw_heading: "撤回您的提交",
    withdraw_button: "撤回",
    waiting_revision: "您的修改正在等待秘书处审核；在批准之前，已发布的文本保持不变。",
    done: "已保存。",
    stats_heading: "统计",
    stats_intro: "按标签统计的已发布项目，依据下方筛选。",
    projects: "个项目",
    by_action_line_region: "按国际电联区域划分的行动方针",
    total: "合计",
    table: "表格",
    footer: "信息社会世界峰会盘点：所有利益攸关方的信通技术促进发展项目。",
};

static AR: Texts = Texts {
    site_name: "حصر أنشطة القمة العالمية لمجتمع المعلومات",
    skip_to_content: "انتقل إلى المحتوى",
    main_nav: "التنقل الرئيسي",
    nav_search: "البحث",
    nav_covid: "مستودع حالات تكنولوجيا المعلومات والاتصالات لمواجهة كوفيد-19",
    nav_stats: "الإحصاءات",
    nav_submit: "تقديم مشروع",
    nav_secretariat: "الأمانة",
    language: "اللغة",
    search_heading: "البحث في مشاريع تكنولوجيا المعلومات والاتصالات من أجل التنمية",
    covid_heading: "مستودع حالات تكنولوجيا المعلومات والاتصالات لمواجهة كوفيد-19",
    covid_intro: "مشاريع تستخدم تكنولوجيا المعلومات والاتصالات للتصدي لجائحة كوفيد-19.",
    search_label: "ابحث في المشاريع",
    search_button: "بحث",
    filters: "عوامل التصفية",
    apply_filters: "تطبيق عوامل التصفية",
    clear_filters: "مسح جميع عوامل التصفية",
    remove_filter: "إزالة عامل التصفية",
    results_count: "مشروعًا",
    no_results: "لا يوجد مشروع يطابق هذا البحث.",
    no_results_hint: "جرّب كلمات أقل، أو أزل أحد عوامل التصفية هذه:",
    sort_label: "الترتيب حسب",
    sort_relevance: "الصلة",
    sort_newest: "الأحدث أولًا",
    sort_oldest: "الأقدم أولًا",
    sort_title: "العنوان",
    previous: "السابق",
    next: "التالي",
    page: "الصفحة",
    pagination: "صفحات النتائج",
    action_lines: "خطوط عمل القمة العالمية لمجتمع المعلومات",
    sdgs: "أهداف التنمية المستدامة",
    regions: "مناطق الاتحاد الدولي للاتصالات",
    countries: "البلدان",
    more_countries: "مزيد من البلدان",
    stakeholder_type: "نوع صاحب المصلحة",
    scope: "النطاق",
    status: "الحالة",
    start_year: "سنة البدء",
    year_from: "من",
    year_to: "إلى",
    covid19: "الاستجابة لكوفيد-19",
    covid_any: "الكل",
    yes: "نعم",
    no: "لا",
    organization: "المنظمة",
    description: "الوصف",
    title: "العنوان",
    website: "الموقع الإلكتروني",
    start_date: "تاريخ البدء",
    end_date: "تاريخ الانتهاء",
    project_language: "لغة النص",
    published_on: "تاريخ النشر",
    search_same: "ابحث عن مشاريع تحمل الوسم نفسه",
    not_found: "الصفحة غير موجودة",
    not_found_text: "لا توجد هذه الصفحة أو هذا المشروع، أو أنه غير منشور.",
    bad_request: "لا يمكن الرد على هذا الطلب",
    submit_heading: "تقديم مشروع",
    submit_intro: "صِف مشروعك في مجال تكنولوجيا المعلومات والاتصالات من أجل التنمية. تراجع أمانة القمة كل طلب قبل نشره.",
    submit_button: "إرسال للمراجعة",
    required: "إلزامي",
    contact: "جهة الاتصال (تراها الأمانة فقط)",
    contact_hint: "لا نستخدمها إلا للاستفسار عن هذا الطلب.",
    contact_name: "الاسم",
    contact_email: "البريد الإلكتروني",
    choose: "اختر…",
    countries_hint: "اضغط باستمرار على Ctrl (أو Cmd) لاختيار أكثر من بلد.",
    form_has_errors: "يرجى تصحيح الحقول المشار إليها أدناه.",
    submitted_heading: "شكرًا لك: تم تقديم مشروعك",
    submitted_text: "ستراجعه الأمانة. احتفظ بهذا الرابط الخاص: يمكنك به رؤية طلبك وقراءة رسائل الأمانة وتعديله أو سحبه.",
    edit_link: "رابطك الخاص",
    edit_link_hint: "يستطيع أي شخص لديه هذا الرابط تغيير طلبك؛ لا تشاركه.",
    your_submission: "طلبك",
    state: "الحالة",
    version: "الإصدار",
    messages: "رسائل الأمانة",
    no_messages: "لا توجد رسائل بعد.",
    revise_heading: "تعديل طلبك",
    revise_button: "حفظ التعديل",
    withdraw_heading: "سحب طلبك",
    withdraw_button: "سحب",
    waiting_revision: "تعديلك بانتظار الأمانة؛ يبقى النص المنشور إلى أن تتم الموافقة عليه.",
    done: "تم الحفظ.",
    stats_heading: "الإحصاءات",
    stats_intro: "المشاريع المنشورة معدودة حسب الوسم، وفق عوامل التصفية أدناه.",
    projects: "مشروعًا",
    by_action_line_region: "خطوط العمل حسب مناطق الاتحاد",
    total: "المجموع",
    table: "جدول",
    footer: "حصر أنشطة القمة: مشاريع تكنولوجيا المعلومات والاتصالات من أجل التنمية لجميع أصحاب المصلحة.",
};

/// Labels in [ar, zh, en, fr, ru, es] order (the order of [`Language::ALL`]).
type Six = [&'static str; 6];

fn pick(labels: &Six, lang: Language) -> &'static str {
    labels[lang.index()]
}

/// The Action Line's short title.
pub fn action_line(lang: Language, line: ActionLine) -> &'static str {
    const LINES: [Six; ActionLine::COUNT] = [
        [
            "دور الحكومات وجميع أصحاب المصلحة",
            "政府和所有利益攸关方的作用",
            "Role of governments and all stakeholders",
            "Rôle des gouvernements et de toutes les parties prenantes",
            "Роль правительств и всех заинтересованных сторон",
            "Papel de los gobiernos y de todas las partes interesadas",
        ],
        [
            "البنية التحتية للمعلومات والاتصالات",
            "信息和通信基础设施",
            "Information and communication infrastructure",
            "Infrastructure de l'information et de la communication",
            "Информационно-коммуникационная инфраструктура",
            "Infraestructura de la información y la comunicación",
        ],
        [
            "النفاذ إلى المعلومات والمعارف",
            "获取信息和知识",
            "Access to information and knowledge",
            "Accès à l'information et au savoir",
            "Доступ к информации и знаниям",
            "Acceso a la información y al conocimiento",
        ],
        [
            "بناء القدرات",
            "能力建设",
            "Capacity building",
            "Renforcement des capacités",
            "Создание потенциала",
            "Creación de capacidad",
        ],
        [
            "بناء الثقة والأمن في استخدام تكنولوجيا المعلومات والاتصالات",
            "树立使用信通技术的信心和安全",
            "Building confidence and security in the use of ICTs",
            "Établir la confiance et la sécurité dans l'utilisation des TIC",
            "Укрепление доверия и безопасности при использовании ИКТ",
            "Crear confianza y seguridad en la utilización de las TIC",
        ],
        [
            "البيئة التمكينية",
            "有利环境",
            "Enabling environment",
            "Environnement propice",
            "Благоприятная среда",
            "Entorno habilitador",
        ],
        [
            "الحكومة الإلكترونية",
            "电子政务",
            "E-government",
            "Cybergouvernement",
            "Электронное правительство",
            "Gobierno electrónico",
        ],
        [
            "الأعمال الإلكترونية",
            "电子商务",
            "E-business",
            "Cybercommerce",
            "Электронная деловая активность",
            "Negocios electrónicos",
        ],
        [
            "التعلم الإلكتروني",
            "电子学习",
            "E-learning",
            "Téléenseignement",
            "Электронное обучение",
            "Aprendizaje electrónico",
        ],
        [
            "الصحة الإلكترونية",
            "电子卫生",
            "E-health",
            "Cybersanté",
            "Электронное здравоохранение",
            "Cibersalud",
        ],
        [
            "التوظيف الإلكتروني",
            "电子就业",
            "E-employment",
            "Cyberemploi",
            "Электронная занятость",
            "Ciberempleo",
        ],
        [
            "البيئة الإلكترونية",
            "电子环境",
            "E-environment",
            "Cyberécologie",
            "Электронная охрана окружающей среды",
            "Ciberecología",
        ],
        [
            "الزراعة الإلكترونية",
            "电子农业",
            "E-agriculture",
            "Cyberagriculture",
            "Электронное сельское хозяйство",
            "Ciberagricultura",
        ],
        [
            "العلوم الإلكترونية",
            "电子科学",
            "E-science",
            "Cyberscience",
            "Электронная наука",
            "Ciberciencia",
        ],
        [
            "التنوع الثقافي والهوية الثقافية والتنوع اللغوي والمحتوى المحلي",
            "文化多样性和特性、语言多样性和本地内容",
            "Cultural diversity and identity, linguistic diversity and local content",
            "Diversité et identité culturelles, diversité linguistique et contenus locaux",
            "Культурное разнообразие и самобытность, языковое разнообразие и местный контент",
            "Diversidad e identidad culturales, diversidad lingüística y contenido local",
        ],
        [
            "وسائط الإعلام",
            "媒体",
            "Media",
            "Médias",
            "Средства массовой информации",
            "Medios de comunicación",
        ],
        [
            "الأبعاد الأخلاقية لمجتمع المعلومات",
            "信息社会的伦理层面",
            "Ethical dimensions of the Information Society",
            "Dimensions éthiques de la société de l'information",
            "Этические аспекты информационного общества",
            "Dimensiones éticas de la sociedad de la información",
        ],
        [
            "التعاون الدولي والإقليمي",
            "国际和区域合作",
            "International and regional cooperation",
            "Coopération internationale et régionale",
            "Международное и региональное сотрудничество",
            "Cooperación internacional y regional",
        ],
        [
            "تطبيقات تكنولوجيا المعلومات والاتصالات",
            "信通技术应用",
            "ICT applications",
            "Applications TIC",
            "Применение ИКТ",
            "Aplicaciones de las TIC",
        ],
    ];
    pick(&LINES[line.index()], lang)
}

/// The Action Line as pages show it: `C3 Access to information and knowledge`, and
/// `C7 E-health` for the C7 sub-lines (whose codes repeat their titles).
pub fn action_line_label(lang: Language, line: ActionLine) -> String {
    let code = if line.is_c7() { "C7" } else { line.code() };
    format!("{code} {}", action_line(lang, line))
}

/// The ITU region's name.
pub fn region(lang: Language, region: Region) -> &'static str {
    let labels: Six = match region {
        Region::Africa => ["أفريقيا", "非洲", "Africa", "Afrique", "Африка", "África"],
        Region::Americas => [
            "الأمريكتان",
            "美洲",
            "Americas",
            "Amériques",
            "Америка",
            "Américas",
        ],
        Region::ArabStates => [
            "الدول العربية",
            "阿拉伯国家",
            "Arab States",
            "États arabes",
            "Арабские государства",
            "Estados Árabes",
        ],
        Region::AsiaPacific => [
            "آسيا والمحيط الهادئ",
            "亚太",
            "Asia & Pacific",
            "Asie-Pacifique",
            "Азиатско-Тихоокеанский регион",
            "Asia-Pacífico",
        ],
        Region::Cis => [
            "كومنولث الدول المستقلة",
            "独联体",
            "CIS",
            "CEI",
            "СНГ",
            "CEI",
        ],
        Region::Europe => ["أوروبا", "欧洲", "Europe", "Europe", "Европа", "Europa"],
        Region::International => [
            "دولي",
            "国际",
            "International",
            "International",
            "Международный",
            "Internacional",
        ],
    };
    pick(&labels, lang)
}

/// The stakeholder type's label.
pub fn stakeholder_type(lang: Language, value: StakeholderType) -> &'static str {
    let labels: Six = match value {
        StakeholderType::Government => [
            "الحكومة",
            "政府",
            "Government",
            "Gouvernement",
            "Правительство",
            "Gobierno",
        ],
        StakeholderType::PrivateSector => [
            "القطاع الخاص",
            "私营部门",
            "Private sector / business",
            "Secteur privé",
            "Частный сектор",
            "Sector privado",
        ],
        StakeholderType::CivilSociety => [
            "المجتمع المدني",
            "民间社会",
            "Civil society",
            "Société civile",
            "Гражданское общество",
            "Sociedad civil",
        ],
        StakeholderType::InternationalOrganization => [
            "منظمة دولية",
            "国际组织",
            "International organization",
            "Organisation internationale",
            "Международная организация",
            "Organización internacional",
        ],
        StakeholderType::Academia => [
            "الأوساط الأكاديمية",
            "学术界",
            "Academia",
            "Milieu universitaire",
            "Научные круги",
            "Sector académico",
        ],
        StakeholderType::Other => [
            "جهة أخرى",
            "其他实体",
            "Other entity",
            "Autre entité",
            "Другая организация",
            "Otra entidad",
        ],
    };
    pick(&labels, lang)
}

/// The scope's label.
pub fn scope(lang: Language, value: Scope) -> &'static str {
    let labels: Six = match value {
        Scope::Local => ["محلي", "地方", "Local", "Local", "Местный", "Local"],
        Scope::National => [
            "وطني",
            "国家",
            "National",
            "National",
            "Национальный",
            "Nacional",
        ],
        Scope::Regional => [
            "إقليمي",
            "区域",
            "Regional",
            "Régional",
            "Региональный",
            "Regional",
        ],
        Scope::International => [
            "دولي",
            "国际",
            "International",
            "International",
            "Международный",
            "Internacional",
        ],
    };
    pick(&labels, lang)
}

/// The status's label.
pub fn status(lang: Language, value: Status) -> &'static str {
    let labels: Six = match value {
        Status::Planned => [
            "مخطط له",
            "计划中",
            "Planned",
            "Prévu",
            "Запланирован",
            "Previsto",
        ],
        Status::Ongoing => [
            "جارٍ",
            "进行中",
            "Ongoing",
            "En cours",
            "Осуществляется",
            "En curso",
        ],
        Status::Completed => [
            "مكتمل",
            "已完成",
            "Completed",
            "Terminé",
            "Завершён",
            "Finalizado",
        ],
    };
    pick(&labels, lang)
}

/// A life-cycle state's label.
pub fn state(lang: Language, value: State) -> &'static str {
    let labels: Six = match value {
        State::Pending => [
            "بانتظار المراجعة",
            "待审核",
            "Waiting for review",
            "En attente d'examen",
            "Ожидает рассмотрения",
            "En espera de revisión",
        ],
        State::ChangesRequested => [
            "مطلوب تعديلات",
            "需要修改",
            "Changes requested",
            "Modifications demandées",
            "Запрошены изменения",
            "Cambios solicitados",
        ],
        State::Published => [
            "منشور",
            "已发布",
            "Published",
            "Publié",
            "Опубликован",
            "Publicado",
        ],
        State::Rejected => [
            "مرفوض",
            "已拒绝",
            "Rejected",
            "Refusé",
            "Отклонён",
            "Rechazado",
        ],
        State::Withdrawn => [
            "مسحوب",
            "已撤回",
            "Withdrawn",
            "Retiré",
            "Отозван",
            "Retirado",
        ],
    };
    pick(&labels, lang)
}

/// The country's short name (English when no translation is known).
pub fn country(lang: Language, value: Country) -> &'static str {
    value.name_in(lang)
}

/// An SDG's short name and colour, from the taxonomy file.
struct SdgLabel {
    names: [String; 6],
    color: String,
}

fn sdg_labels() -> &'static [SdgLabel] {
    static LABELS: OnceLock<Vec<SdgLabel>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let doc = &crate::model::taxonomy().document;
        let sdgs = doc.get("sdgs").and_then(|v| v.as_array());
        sdgs.map(|list| {
            list.iter()
                .map(|sdg| {
                    let english = sdg.get("short").and_then(|v| v.as_str()).unwrap_or("");
                    let name = |lang: Language| {
                        sdg.get("short_i18n")
                            .and_then(|m| m.get(lang.code()))
                            .and_then(|v| v.as_str())
                            .unwrap_or(english)
                            .to_string()
                    };
                    let names = [
                        name(Language::Ar),
                        name(Language::Zh),
                        name(Language::En),
                        name(Language::Fr),
                        name(Language::Ru),
                        name(Language::Es),
                    ];
                    let color = sdg.get("color").and_then(|v| v.as_str()).unwrap_or("#777");
                    SdgLabel {
                        names,
                        color: color.to_string(),
                    }
                })
                .collect()
        })
        .unwrap_or_default()
    })
}

/// The SDG's short name.
pub fn sdg(lang: Language, goal: Sdg) -> &'static str {
    sdg_labels()
        .get(usize::from(goal.number()) - 1)
        .map(|l| l.names[lang.index()].as_str())
        .unwrap_or("")
}

/// The SDG's official colour (`#RRGGBB`).
pub fn sdg_color(goal: Sdg) -> &'static str {
    sdg_labels()
        .get(usize::from(goal.number()) - 1)
        .map(|l| l.color.as_str())
        .unwrap_or("#777777")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sdg_has_a_name_in_every_language_and_a_colour() {
        for goal in Sdg::all() {
            assert!(sdg_color(goal).starts_with('#'), "SDG {goal:?}");
            for lang in Language::ALL {
                assert!(!sdg(*lang, goal).is_empty(), "SDG {goal:?} in {lang}");
            }
        }
    }

    #[test]
    fn every_country_has_a_name_in_every_language() {
        for index in 0..Country::count() {
            let Some(c) = Country::from_index(index) else {
                continue;
            };
            for lang in [
                Language::Ar,
                Language::Zh,
                Language::Fr,
                Language::Ru,
                Language::Es,
            ] {
                let name = country(lang, c);
                assert!(!name.is_empty(), "{} in {lang}", c.code());
                if lang != Language::Fr && lang != Language::Es {
                    assert_ne!(name, c.name(), "{} in {lang} is translated", c.code());
                }
            }
        }
        assert_eq!(
            country(
                Language::Fr,
                Country::parse("DE").unwrap_or_else(|| unreachable!())
            ),
            "Allemagne"
        );
    }

    #[test]
    fn labels_differ_by_language() {
        assert_eq!(
            action_line(Language::En, ActionLine::C7),
            "ICT applications"
        );
        assert_eq!(region(Language::Fr, Region::Africa), "Afrique");
        assert_ne!(
            texts(Language::Ar).nav_search,
            texts(Language::En).nav_search
        );
        assert!(is_rtl(Language::Ar) && !is_rtl(Language::Zh));
    }
}
