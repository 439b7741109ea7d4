//! The taxonomy's labels in the six UN languages: Action Line short titles and SDG short
//! names (from the taxonomy file), regions, stakeholder types, scopes, statuses, states and
//! countries; used by the pages, suggestions, query recognition and labelled exports.

use std::sync::OnceLock;

use super::{
    ActionLine, Country, ItuEntity, Language, Region, Scope, Sdg, StakeholderType, State, Status,
};

/// One label per language, in [`Language::ALL`] order.
pub type Six = [&'static str; 6];

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

/// An SDG's short name in each language, from the taxonomy file.
struct SdgLabel {
    /// The short name in each language, in the order of [`Language::ALL`].
    names: Vec<String>,
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
                    let names = Language::ALL.iter().map(|&lang| name(lang)).collect();
                    SdgLabel { names }
                })
                .collect()
        })
        .unwrap_or_default()
    })
}

/// The Action Line as pages show it: `C3 Access to information and knowledge`, and
/// `C7 E-health` for the C7 sub-lines (whose codes repeat their titles).
pub fn action_line_label(lang: Language, line: ActionLine) -> String {
    let code = if line.is_c7() { "C7" } else { line.code() };
    format!("{code} {}", action_line(lang, line))
}

/// "SDG" in `lang`, as the UN writes it before a goal's number.
pub fn sdg_abbreviation(lang: Language) -> &'static str {
    match lang {
        Language::Ar => "أهداف التنمية المستدامة",
        Language::Zh => "可持续发展目标",
        Language::En => "SDG",
        Language::Fr => "ODD",
        Language::Ru => "ЦУР",
        Language::Es => "ODS",
    }
}

/// The SDG with its number and short name: `SDG 3 Good health and well-being`,
/// `ODD 3 Bonne santé et bien-être`.
pub fn sdg_label(lang: Language, goal: Sdg) -> String {
    format!(
        "{} {} {}",
        sdg_abbreviation(lang),
        goal.number(),
        sdg(lang, goal)
    )
}

/// The SDG's short name.
pub fn sdg(lang: Language, goal: Sdg) -> &'static str {
    sdg_labels()
        .get(usize::from(goal.number()) - 1)
        .map(|l| l.names[lang.index()].as_str())
        .unwrap_or("")
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

/// The label of a part of ITU.
pub fn itu_entity(lang: Language, value: ItuEntity) -> &'static str {
    let labels: Six = match value {
        ItuEntity::ItuR => [
            "قطاع الاتصالات الراديوية (ITU-R)",
            "无线电通信部门 (ITU-R)",
            "Radiocommunication Sector (ITU-R)",
            "Secteur des radiocommunications (UIT-R)",
            "Сектор радиосвязи (МСЭ-R)",
            "Sector de Radiocomunicaciones (UIT-R)",
        ],
        ItuEntity::ItuT => [
            "قطاع تقييس الاتصالات (ITU-T)",
            "电信标准化部门 (ITU-T)",
            "Telecommunication Standardization Sector (ITU-T)",
            "Secteur de la normalisation des télécommunications (UIT-T)",
            "Сектор стандартизации электросвязи (МСЭ-T)",
            "Sector de Normalización de las Telecomunicaciones (UIT-T)",
        ],
        ItuEntity::ItuD => [
            "قطاع تنمية الاتصالات (ITU-D)",
            "电信发展部门 (ITU-D)",
            "Telecommunication Development Sector (ITU-D)",
            "Secteur du développement des télécommunications (UIT-D)",
            "Сектор развития электросвязи (МСЭ-D)",
            "Sector de Desarrollo de las Telecomunicaciones (UIT-D)",
        ],
        ItuEntity::Gs => [
            "الأمانة العامة للاتحاد",
            "国际电联总秘书处",
            "ITU General Secretariat",
            "Secrétariat général de l'UIT",
            "Генеральный секретариат МСЭ",
            "Secretaría General de la UIT",
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
