# رسائل الصفحات، بالعربية. كل معرّف موجود في الملفات الستة.
# The plural forms select on `$…-form`: a number of the same CLDR category as the one shown
# (intl_pluralrules 7.0.2 reads few and many from the whole number, not its last two digits).

## صيغ الجمع

projects-found = { $count-form ->
    [zero] مشروع
    [one] مشروع
    [two] مشروعان
    [few] مشاريع
    [many] مشروعًا
   *[other] مشروع
}

projects = { $count-form ->
    [zero] مشروع
    [one] مشروع
    [two] مشروعان
    [few] مشاريع
    [many] مشروعًا
   *[other] مشروع
}

## Pages: navigation, search, project, forms, statistics

site-name = حصر أنشطة القمة العالمية لمجتمع المعلومات
skip-to-content = انتقل إلى المحتوى
main-nav = التنقل الرئيسي
nav-search = البحث
nav-covid = مستودع حالات تكنولوجيا المعلومات والاتصالات لمواجهة كوفيد-19
nav-stats = الإحصاءات
nav-submit = تقديم مشروع
nav-secretariat = الأمانة
language = اللغة
search-heading = البحث في مشاريع تكنولوجيا المعلومات والاتصالات من أجل التنمية
covid-heading = مستودع حالات تكنولوجيا المعلومات والاتصالات لمواجهة كوفيد-19
covid-intro = مشاريع تستخدم تكنولوجيا المعلومات والاتصالات للتصدي لجائحة كوفيد-19.
search-label = ابحث في المشاريع
search-button = بحث
filters = عوامل التصفية
skip-to-results = انتقل إلى النتائج
menu = القائمة
suggestions = اقتراحات
suggest-projects = المشاريع
suggest-organizations = المنظمات
download = تنزيل هذه النتائج
download-without-words = تتضمن التنزيلات كل المشاريع المطابقة لعوامل التصفية؛ ولا تُطبَّق كلمات البحث.
beyond-last-page = هذه الصفحة بعد آخر صفحة من النتائج.
last-page = انتقل إلى الصفحة الأخيرة
go-to-filter = انتقل إلى عامل التصفية
without-quotes = لا يحتوي أي مشروع على هذه الكلمات بهذا الترتيب تمامًا. ابحث دون علامات الاقتباس
bad-value = لم تُفهم هذه القيمة فتم تجاهلها.
bad-year-range = سنة النهاية قبل سنة البداية، لذا تم تجاهل السنوات.
bad-words = تعذرت قراءة كلمات البحث (هل بقيت علامة اقتباس مفتوحة؟)، لذا تم تجاهلها.
apply-filters = تطبيق عوامل التصفية
clear-filters = مسح جميع عوامل التصفية
remove-filter = إزالة عامل التصفية
no-results = لا يوجد مشروع يطابق هذا البحث.
no-results-hint = جرّب كلمات أقل، أو أزل أحد عوامل التصفية هذه:
sort-label = الترتيب حسب
sort-relevance = الصلة
sort-newest = الأحدث أولًا
sort-oldest = الأقدم أولًا
sort-title = العنوان
sort-confirmed = آخر تأكيد
confirmed-before = مؤكَّد قبل
confirmed-since = مؤكَّد منذ
previous = السابق
next = التالي
page = الصفحة
pagination = صفحات النتائج
action-lines = خطوط عمل القمة العالمية لمجتمع المعلومات
sdgs = أهداف التنمية المستدامة
regions = مناطق الاتحاد الدولي للاتصالات
countries = البلدان
more-countries = مزيد من البلدان
stakeholder-type = نوع صاحب المصلحة
itu-entity = جهة الاتحاد
itu-entity-hint = لمشروعات الاتحاد الدولي للاتصالات نفسه فقط (نوع صاحب المصلحة: منظمة دولية).
scope = النطاق
status = الحالة
start-year = سنة البدء
year-from = من
year-to = إلى
covid19 = الاستجابة لكوفيد-19
covid-any = الكل
yes = نعم
no = لا
organization = المنظمة
description = الوصف
title = العنوان
website = الموقع الإلكتروني
start-date = تاريخ البدء
date-unknown = التاريخ غير معروف
end-date = تاريخ الانتهاء
project-language = لغة النص
published-on = تاريخ النشر
related-projects = مشاريع ذات صلة
suggest-tags-button = اقتراح خطوط العمل وأهداف التنمية المستدامة
suggested-tags = مقترحات بناءً على نصك
suggested-tags-hint = إذا لم تحدد أي خيار، فقد حُددت المقترحات أدناه؛ راجعها قبل الإرسال.
filter-suggestion = تصفية حسب
partial-match = لا يحتوي أي مشروع على كل الكلمات التي كتبتها؛ هذه تحتوي على معظمها.
reason-keywords = الكلمات الموجودة
reason-similar = مشاريع منشورة مماثلة
reason-matrix = مصفوفة القمة العالمية–أهداف التنمية المستدامة
search-same = ابحث عن مشاريع تحمل الوسم نفسه
not-found = الصفحة غير موجودة
not-found-text = لا توجد هذه الصفحة أو هذا المشروع، أو أنه غير منشور.
bad-request = لا يمكن الرد على هذا الطلب
submit-heading = تقديم مشروع
answering-call = أنت تستجيب للدعوة
call-field = الدعوة
submit-intro = صِف مشروعك في مجال تكنولوجيا المعلومات والاتصالات من أجل التنمية. تراجع أمانة القمة كل طلب قبل نشره.
submit-button = إرسال للمراجعة
required = إلزامي
contact = جهة الاتصال (تراها الأمانة فقط)
contact-hint = لا نستخدمها إلا للاستفسار عن هذا الطلب.
contact-name = الاسم
contact-email = البريد الإلكتروني
choose = اختر…
countries-hint = اضغط باستمرار على Ctrl (أو Cmd) لاختيار أكثر من بلد.
countries-filter = ابحث عن بلد
countries-pick-hint = اكتب لتضييق القائمة، ثم حدّد كل بلد معنيّ.
countries-chosen = المختارة
countries-remove = إزالة { $name }
countries-none-match = لا يوجد بلد مطابق.
form-has-errors = يرجى تصحيح الحقول المشار إليها أدناه.
submitted-heading = شكرًا لك: تم تقديم مشروعك
submitted-text = ستراجعه الأمانة. احتفظ بهذا الرابط الخاص: يمكنك به رؤية طلبك وقراءة رسائل الأمانة وتعديله أو سحبه.
edit-link = رابطك الخاص
edit-link-hint = يستطيع أي شخص لديه هذا الرابط تغيير طلبك؛ لا تشاركه.
your-submission = طلبك
state = الحالة
version = الإصدار
messages = رسائل الأمانة
no-messages = لا توجد رسائل بعد.
revise-heading = تعديل طلبك
revise-button = حفظ التعديل
current-heading = هل هو محدَّث؟
current-hint = إذا كان وصف مشروعك لا يزال صحيحًا، فأكّد ذلك: ترى الأمانة تاريخ تأكيدك.
current-button = تأكيد أنه محدَّث
withdraw-heading = سحب طلبك
withdraw-button = سحب
waiting-revision = تعديلك بانتظار الأمانة؛ يبقى النص المنشور إلى أن تتم الموافقة عليه.
done = تم الحفظ.
public-page = عرض الصفحة العامة لمشروعك
withdraw-hint = لا يمكن التراجع عن السحب: يتوقف المشروع عن أن يكون عامًا ولا يمكن تعديله بعد ذلك.
withdraw-confirm = نعم، اسحب هذا المشروع
withdraw-unconfirmed = لم يُسحب شيء: ضع علامة على «نعم، اسحب هذا المشروع» للتأكيد.
withdrawn-notice = سُحب هذا المشروع ولم يعد عامًا.
changed-heading = تغيّر أثناء تحريرك
changed-intro = حفظ شخص ما إصدارًا جديدًا من هذا المشروع بعد أن فتحت هذه الصفحة. لم يُحفظ نصك بعد: فهو محفوظ في الاستمارة أدناه.
changed-apply = حفظ الاستمارة مرة أخرى يطبّق نصك على الإصدار الحالي ويستبدل القيم المحفوظة في الأثناء والمعروضة هنا.
changed-none = لم يتغير أي حقل في الأثناء؛ تغيّرت حالة المشروع فقط.
saved-meanwhile = حُفظ في الأثناء
your-text = نصك
empty-value = (فارغ)
stats-heading = الإحصاءات
stats-intro = المشاريع المنشورة معدودة حسب الوسم، وفق عوامل التصفية أدناه.
by-action-line-region = خطوط العمل حسب مناطق الاتحاد
total = المجموع
table = جدول
footer = حصر أنشطة القمة: مشاريع تكنولوجيا المعلومات والاتصالات من أجل التنمية لجميع أصحاب المصلحة.

## The secretariat's pages: sign-in, moderation desk, selection builder

desk-signed-in-as = تم تسجيل الدخول باسم
desk-read-only = قراءة فقط
desk-moderation-queue = قائمة المراجعة
desk-selections = المختارات
desk-calls = الدعوات
desk-sign-out = تسجيل الخروج
desk-queue-empty = لا شيء بانتظار المراجعة.
desk-new-submission = طلب جديد
desk-revision = تعديل لمشروع منشور
desk-waiting-since = بانتظار المراجعة منذ
desk-contact = جهة الاتصال
desk-duplicates = تكرارات محتملة
desk-all-fields = جميع الحقول
desk-publish = نشر
desk-message-label = رسالة إلى مقدم الطلب
desk-request-changes = طلب تعديلات
desk-reason-label = سبب الرفض
desk-reject = رفض
desk-key-label = مفتاح الأمانة
desk-key-hint = يُنشأ بالأمر: stocktaking keys create --name NAME
desk-sign-in = تسجيل الدخول
desk-bad-key = هذا المفتاح غير صالح.
desk-kind = النوع
desk-title = العنوان
desk-projects = المشاريع
desk-published = منشورة
desk-new-selection = مختارات جديدة
desk-create = إنشاء
desk-theme = الموضوع أو الملخص
desk-date = التاريخ (جلسات TalkX)
desk-category = فئة الجوائز (القوائم القصيرة للجوائز)
desk-year = سنة الجوائز (القوائم القصيرة للجوائز)
desk-public-page = الصفحة العامة
desk-not-published = غير منشورة
desk-export = تصدير
desk-gone = لم يعد هذا المشروع منشورًا
desk-note = ملاحظة علنية (تظهر في صفحة المختارات)
desk-move-up = نقل إلى أعلى
desk-move-down = نقل إلى أسفل
desk-remove = إزالة
desk-add-projects = إضافة مشاريع
desk-search-published = البحث في المشاريع المنشورة
desk-add = إضافة
desk-description = الوصف
desk-published-check = منشورة (يمكن للجمهور قراءتها)
desk-save = حفظ
desk-unpublished = أُلغي نشرها
desk-changes-heading = التغييرات مقارنة بالنص المنشور
desk-filter-legend = تصفية قائمة الانتظار
desk-show = عرض
desk-everything-waiting = كل ما ينتظر
desk-revisions-waiting = المراجعات المنتظرة
desk-text-contains = العنوان أو المنظمة يحتوي على
desk-action-line = خط العمل
desk-any = أي
desk-apply-filter = تصفية
desk-nothing-matches = لا شيء يطابق.
desk-unpublish = إلغاء النشر
desk-unpublish-reason = سبب إلغاء النشر (يراه مقدّم المشروع)
desk-unpublish-confirm = أؤكد: سحب هذا المشروع من العرض العام
desk-unpublish-hint = يعود المشروع إلى مقدّمه لإجراء التغييرات ويختفي من البحث فورًا.
desk-kind-name = { $kind ->
    [talkx] جلسة WSIS TalkX
    [prizes_shortlist] القائمة القصيرة لجوائز القمة
    [report] فصل من تقرير الحصر
   *[collection] مجموعة
}

## The public selection pages

selections-selections = المختارات
selections-intro = مشاريع اختارتها أمانة القمة العالمية لمجتمع المعلومات: جلسات WSIS TalkX والقوائم القصيرة لجوائز القمة وفصول تقرير الحصر.
selections-kind = النوع
selections-all-kinds = جميع الأنواع
selections-year = السنة
selections-all-years = جميع السنوات
selections-show = عرض
selections-by-kind = المختارات حسب النوع
selections-shown = المختارات المعروضة:
selections-projects = عدد المشاريع:
selections-none-yet = لم تُنشر أي مختارات بعد.
selections-none-match = لا توجد مختارات منشورة تطابق عامل التصفية هذا.
selections-all-selections = جميع المختارات
selections-in-selections = ضمن المختارات
selections-gone = لم يعد هذا المشروع منشورًا.
selections-kind-names = { $kind ->
    [talkx] جلسات WSIS TalkX
    [prizes_shortlist] القوائم القصيرة لجوائز القمة
    [report] فصول تقرير الحصر
   *[collection] مجموعات
}

## أسماء اللغات

language-name = { $code ->
    [ar] العربية
    [zh] الصينية
   *[en] الإنكليزية
    [fr] الفرنسية
    [ru] الروسية
    [es] الإسبانية
}

## أخطاء النماذج: بعد تسمية الحقل والنقطتين

error-required = هذا الحقل مطلوب
error-required-countries = اختر بلدًا واحدًا على الأقل، ما لم يكن النطاق دوليًا
error-required-action-lines = اختر خط عمل واحدًا على الأقل
error-required-sdgs = اختر هدفًا واحدًا على الأقل من أهداف التنمية المستدامة
error-too-short = اكتب { $min } { $min-form ->
    [zero] حرف
    [one] حرف
    [two] حرفان
    [few] أحرف
    [many] حرفًا
   *[other] حرف
} على الأقل؛ النص الحالي { $chars }
error-too-long = اكتب { $max } { $max-form ->
    [zero] حرف
    [one] حرف
    [two] حرفان
    [few] أحرف
    [many] حرفًا
   *[other] حرف
} على الأكثر؛ النص الحالي { $chars }
error-invalid-date = اكتب تاريخًا بين 1900 و2100 بصيغة سنة-شهر-يوم، مثل 2024-03-31
error-invalid-date-range = تاريخ الانتهاء يسبق تاريخ البدء
error-invalid-url = اكتب عنوان ويب كاملًا يبدأ بـ https:// أو http://
error-invalid-email = اكتب عنوان بريد إلكتروني، مثل name@example.org
error-duplicate-value = قيمة مختارة مرتين
error-control-character = احذف أحرف التحكم غير المرئية
error-line-break = اكتبه في سطر واحد
error-unbalanced-bidi = احذف علامات اتجاه النص غير المتطابقة
error-invalid-value-category = لا تكون الفئة إلا للقوائم القصيرة للجوائز ولفصول التقرير
error-invalid-value-year = اكتب سنة بين 2000 و2100
error-call-closed = أُغلقت هذه الدعوة؛ أرسل النموذج مرة أخرى لتقديم مشروعك من دونها
error-call-not-open = لم تُفتح هذه الدعوة بعد؛ أرسل النموذج مرة أخرى لتقديم مشروعك من دونها
error-unknown-call = لا توجد دعوة كهذه؛ أرسل النموذج مرة أخرى لتقديم مشروعك من دونها
error-call-not-for-submissions = تطلب هذه الدعوة تحديث المشاريع المنشورة لا مشاريع جديدة؛ أرسل النموذج مرة أخرى لتقديم مشروعك من دونها
error-invalid-combination-itu-entity = لا تُذكر جهة الاتحاد إلا لمشروع الاتحاد نفسه: اختر نوع «منظمة دولية» أو اترك هذا الحقل فارغًا
error-invalid = هذه القيمة غير مقبولة

## أداة الأمانة لبناء المختارات

desk-already-added = موجود بالفعل في هذه المختارات
desk-save-notes = حفظ الملاحظات
desk-used-by = يستخدمه
desk-kind-fields-hint = يستخدم كل نوع بعض هذه الحقول؛ وتبقى الحقول الأخرى فارغة.
desk-order-hint = اسحب المشروع من مقبضه لتغيير الترتيب، أو استخدم زرَّي «نقل إلى أعلى» و«نقل إلى أسفل».
desk-drag-handle = اسحب لإعادة الترتيب
desk-order-saved = حُفظ الترتيب الجديد.
desk-order-not-saved = تعذّر حفظ الترتيب الجديد. أعد تحميل الصفحة وحاول مرة أخرى.
desk-changed-meanwhile = تغيّرت هذه المختارات في أثناء ذلك، فلم يُحفظ شيء. وهذه حالتها الآن.
desk-category-only = لا تُعرض إلا المشاريع الموسومة بـ { $line }: فهذه المختارات لا تقبل غيرها.
desk-decision-changed-meanwhile = تغيّر في أثناء ذلك فلم يُتّخذ القرار (عدّله صاحبه، أو سبقك عضو آخر إلى البتّ فيه)
desk-reject-confirm = أؤكد رفض هذا المشروع
desk-reject-unconfirmed = ضع علامة في المربع لتأكيد الرفض.
desk-unpublish-unconfirmed = ضع علامة في المربع لتأكيد إلغاء النشر.
desk-saved = تم الحفظ.
error-wrong-category = لا تقبل هذه المختارات إلا المشاريع الموسومة بفئتها
error-not-published = لا يمكن إضافة إلا المشاريع المنشورة

## صفحات الأخطاء

page-error-bad-parameter = لا يمكن استخدام قيمة «{ $name }» الواردة في العنوان هنا. ارجع، أو ابدأ من جديد من صفحة البحث.
page-error-unauthorized = سجّل الدخول لعرض هذه الصفحة.
page-error-forbidden = انتهت صلاحية هذا النموذج أو لم يأتِ من هذا الموقع. ارجع وأعد تحميل الصفحة ثم حاول مجددًا.
page-error-conflict = تغيّر هذا في الأثناء. أعد تحميل الصفحة لتراه كما هو الآن، ثم حاول مجددًا.
page-error-retry = طلبات كثيرة في وقت واحد. حاول مجددًا بعد { $seconds } ثانية.
page-error-unavailable = حدث خطأ من جانبنا. يُرجى المحاولة لاحقًا.
page-error-method = لا يقبل هذا العنوان هذا النوع من الطلبات.

## الحسابات: الدخول برابط بالبريد الإلكتروني، «مشاريعي»

nav-account = مشاريعي
account-heading = مشاريعي
account-intro = سجّل الدخول بعنوان البريد الإلكتروني الذي قدّمته جهةَ اتصال لمشاريعك. نرسل إليك رابطًا يعمل مرة واحدة خلال 15 دقيقة. لا توجد كلمة مرور.
account-email = عنوان البريد الإلكتروني
account-send-link = أرسلوا إليّ رابط الدخول
account-sent-heading = تحقّق من بريدك الوارد
account-sent-text = إذا كان العنوان صالحًا، فقد أُرسل إليه رابط الدخول. يعمل مرة واحدة خلال 15 دقيقة.
account-confirm-heading = تسجيل الدخول
account-confirm-text = سجّل الدخول لترى مشاريع عنوان بريدك الإلكتروني.
account-confirm-button = تسجيل الدخول
account-link-refused = رابط الدخول هذا غير معروف أو مستخدَم أو منتهي الصلاحية. اطلب رابطًا جديدًا أدناه.
account-signed-in-as = مسجَّل الدخول باسم
account-sign-out = تسجيل الخروج
account-none = لا يوجد بعدُ مشروع يحمل هذا العنوان جهةَ اتصال.
account-state = الحالة
account-updated = آخر تغيير
account-open = فتح أو تنقيح أو سحب
account-public-page = الصفحة العامة
account-messages = رسائل الأمانة
account-bad-email = أدخل عنوان بريد إلكتروني، مثل name@example.org.
account-signed-out = لقد سجّلت الخروج.

## رسائل البريد الإلكتروني

mail-greeting = مرحبًا،
mail-signature = أمانة WSIS Stocktaking
mail-project-link = مشروعك
mail-my-projects = مشاريعي
mail-private-link = رابطك الخاص (احتفظ به)
mail-their-message = رسالة الأمانة:
mail-submitted-subject = تلقّينا مشروعك «{ $title }»
mail-submitted-body = شكرًا لك. ستراجع الأمانة مشروعك «{ $title }». وإلى أن يُنشر، لا يراه أحد سواك عبر رابطك الخاص أدناه. ويمكنك أيضًا تسجيل الدخول بهذا العنوان في «مشاريعي».
mail-published-subject = نُشر «{ $title }»
mail-published-body = أصبح مشروعك «{ $title }» متاحًا للجميع في قاعدة بيانات WSIS Stocktaking.
mail-changes-subject = تغييرات مطلوبة في «{ $title }»
mail-changes-body = تطلب منك الأمانة تنقيح مشروعك «{ $title }» قبل نشره.
mail-rejected-subject = لم يُقبل «{ $title }»
mail-rejected-body = لم تقبل الأمانة مشروعك «{ $title }».
mail-revision-published-subject = نُشرت تغييراتك على «{ $title }»
mail-revision-published-body = نشرت الأمانة تنقيحك لـ«{ $title }».
mail-revision-rejected-subject = لم تُقبل تغييراتك على «{ $title }»
mail-revision-rejected-body = لم تقبل الأمانة تنقيحك لـ«{ $title }»؛ وتبقى النسخة المنشورة.
mail-unpublished-subject = سُحب «{ $title }» من العرض العام
mail-unpublished-body = سحبت الأمانة مشروعك «{ $title }» من العرض العام. نقّحه ليُنشر من جديد.
mail-sign-in-subject = رابط الدخول إلى WSIS Stocktaking
mail-sign-in-body = استخدم هذا الرابط خلال 15 دقيقة لتسجيل الدخول ورؤية مشاريعك. يعمل مرة واحدة. إن لم تطلبه، فتجاهل هذه الرسالة.
mail-sign-in-link = تسجيل الدخول

## الدعوات إلى تقديم المساهمات

calls-heading = الدعوات إلى تقديم المساهمات
calls-open = الدعوات المفتوحة
calls-past = الدعوات المنتهية
calls-none-open = لا توجد دعوة مفتوحة حاليًا.
calls-none-past = لم تُغلق أي دعوة بعد.
calls-opens = الافتتاح
calls-closes = الموعد النهائي
calls-extended = تغيّر الموعد النهائي
calls-submissions = المساهمات
calls-kind-stocktaking = تقرير الجرد الخاص بالقمة العالمية لمجتمع المعلومات
calls-kind-covid19 = مستودع حالات تكنولوجيا المعلومات والاتصالات لمواجهة كوفيد-19
calls-kind-prizes = جوائز القمة العالمية لمجتمع المعلومات
calls-kind-update = طلب تحديث
calls-answer = قدّم مشروعًا لهذه الدعوة
mail-update-subject = يُرجى مراجعة مشروعك «{ $title }»
mail-update-body = تطلب أمانة القمة العالمية لمجتمع المعلومات من مقدّمي المشاريع المنشورة التحقق من أن بياناتها لا تزال صحيحة. افتح مشروعك «{ $title }»، ثم أكّد أنه محدَّث أو نقّحه.
mail-update-reminder-subject = تذكير: يُرجى مراجعة مشروعك «{ $title }»
mail-update-reminder-body = لم نتلقَّ ردّك بعد. افتح مشروعك «{ $title }»، ثم أكّد أنه محدَّث أو نقّحه.

## The secretariat's calls and update requests
updesk-calls = الدعوات
updesk-calls-intro = تعرض صفحة كل دعوة طلبات التحديث الخاصة بها: تطلب دعوة التحديث من جهات الاتصال للمشروعات المنشورة مراجعة مدخلاتها.
updesk-none = لا توجد دعوات بعد.
updesk-round = طلبات التحديث
updesk-requested = المطلوبة
updesk-updated = المحدَّثة
updesk-confirmed = المؤكَّدة دون تغيير
updesk-no-answer = دون رد
updesk-project = المشروع
updesk-asked-on = تاريخ الطلب
updesk-reminders = التذكيرات
updesk-answer = الرد
updesk-ask-heading = طلب التحديثات
updesk-ask-hint = تُطلب مرة واحدة في هذه الدعوة جهات الاتصال للمشروعات المنشورة التي تجتاز هذه المرشحات ولم تؤكَّد أو تتغير منذ التاريخ.
updesk-unconfirmed-since = غير مؤكدة منذ
updesk-ask-button = إرسال طلبات التحديث
updesk-remind-button = تذكير من لم يردّوا
updesk-sent = الرسائل في قائمة الانتظار:
updesk-closed = هذه الدعوة مغلقة: لا ترسل مزيدًا من الطلبات أو التذكيرات.
updesk-not-update = تطلب هذه الدعوة مساهمات جديدة لا تحديثات.
updesk-is-open = مفتوحة
updesk-is-closed = مغلقة
submit-call-closed = أُغلقت الدعوة «{ $title }» في { $date }. لا يزال بإمكانك تقديم مشروعك، لكنه لن يُحتسب ردًا على تلك الدعوة.
submit-call-not-open = تُفتح الدعوة «{ $title }» في { $date }. يمكنك تقديم مشروعك الآن دونها أو العودة حينئذ.
