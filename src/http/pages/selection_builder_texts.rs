//! The texts of the selection builder's search, notes, ordering and kind fields in the six
//! UN languages (one complete table per language). The builder's older texts are in
//! `secretariat_texts`.

use crate::model::Language;

/// The selection builder's texts (each field is named after its English text).
#[allow(missing_docs)]
pub struct SelectionBuilderTexts {
    pub already_added: &'static str,
    pub save_notes: &'static str,
    pub used_by: &'static str,
    pub kind_fields_hint: &'static str,
    pub order_hint: &'static str,
    pub drag_handle: &'static str,
    pub order_saved: &'static str,
    pub order_not_saved: &'static str,
    pub changed_meanwhile: &'static str,
}

/// The selection builder texts of a language.
pub fn selection_builder_texts(lang: Language) -> &'static SelectionBuilderTexts {
    // In the order of `Language::ALL`.
    [&AR, &ZH, &EN, &FR, &RU, &ES][lang.index()]
}

static EN: SelectionBuilderTexts = SelectionBuilderTexts {
    already_added: "Already in this selection",
    save_notes: "Save notes",
    used_by: "Used by",
    kind_fields_hint: "Each kind uses some of these fields; the others stay empty.",
    order_hint: "Drag a project by its handle to change the order, or use Move up and Move down.",
    drag_handle: "Drag to reorder",
    order_saved: "The new order is saved.",
    order_not_saved: "The new order could not be saved. Reload the page and try again.",
    changed_meanwhile:
        "The selection changed meanwhile, so nothing was saved. Here it is as it is now.",
};

static FR: SelectionBuilderTexts = SelectionBuilderTexts {
    already_added: "Déjà dans cette sélection",
    save_notes: "Enregistrer les notes",
    used_by: "Utilisé par",
    kind_fields_hint: "Chaque type utilise certains de ces champs ; les autres restent vides.",
    order_hint: "Faites glisser un projet par sa poignée pour changer l'ordre, ou utilisez Monter et Descendre.",
    drag_handle: "Glisser pour réordonner",
    order_saved: "Le nouvel ordre est enregistré.",
    order_not_saved: "Le nouvel ordre n'a pas pu être enregistré. Rechargez la page et réessayez.",
    changed_meanwhile: "La sélection a changé entre-temps : rien n'a été enregistré. La voici telle qu'elle est maintenant.",
};

static ES: SelectionBuilderTexts = SelectionBuilderTexts {
    already_added: "Ya está en esta selección",
    save_notes: "Guardar notas",
    used_by: "Lo usa",
    kind_fields_hint: "Cada tipo usa algunos de estos campos; los demás quedan vacíos.",
    order_hint: "Arrastre un proyecto por su asa para cambiar el orden, o use Subir y Bajar.",
    drag_handle: "Arrastrar para reordenar",
    order_saved: "El nuevo orden está guardado.",
    order_not_saved: "No se pudo guardar el nuevo orden. Recargue la página e inténtelo de nuevo.",
    changed_meanwhile:
        "La selección cambió entretanto, así que no se guardó nada. Aquí está tal como es ahora.",
};

static RU: SelectionBuilderTexts = SelectionBuilderTexts {
    already_added: "Уже в этой подборке",
    save_notes: "Сохранить примечания",
    used_by: "Используется в",
    kind_fields_hint: "Каждый вид использует часть этих полей; остальные остаются пустыми.",
    order_hint: "Перетащите проект за маркер, чтобы изменить порядок, или используйте кнопки «Выше» и «Ниже».",
    drag_handle: "Перетащите, чтобы изменить порядок",
    order_saved: "Новый порядок сохранён.",
    order_not_saved: "Не удалось сохранить новый порядок. Обновите страницу и попробуйте снова.",
    changed_meanwhile: "Подборка тем временем изменилась, поэтому ничего не сохранено. Вот она в текущем виде.",
};

static ZH: SelectionBuilderTexts = SelectionBuilderTexts {
    already_added: "已在此精选中",
    save_notes: "保存备注",
    used_by: "适用于",
    kind_fields_hint: "每种类型只使用其中部分字段；其余字段留空。",
    order_hint: "拖动项目的手柄可调整顺序，也可使用“上移”和“下移”按钮。",
    drag_handle: "拖动以调整顺序",
    order_saved: "新顺序已保存。",
    order_not_saved: "新顺序未能保存。请重新加载页面后再试。",
    changed_meanwhile: "此精选在此期间已被更改，因此未保存任何内容。以下为其当前状态。",
};

static AR: SelectionBuilderTexts = SelectionBuilderTexts {
    already_added: "موجود بالفعل في هذه المختارات",
    save_notes: "حفظ الملاحظات",
    used_by: "يستخدمه",
    kind_fields_hint: "يستخدم كل نوع بعض هذه الحقول؛ وتبقى الحقول الأخرى فارغة.",
    order_hint:
        "اسحب المشروع من مقبضه لتغيير الترتيب، أو استخدم زرَّي «نقل إلى أعلى» و«نقل إلى أسفل».",
    drag_handle: "اسحب لإعادة الترتيب",
    order_saved: "حُفظ الترتيب الجديد.",
    order_not_saved: "تعذّر حفظ الترتيب الجديد. أعد تحميل الصفحة وحاول مرة أخرى.",
    changed_meanwhile: "تغيّرت هذه المختارات في أثناء ذلك، فلم يُحفظ شيء. وهذه حالتها الآن.",
};
