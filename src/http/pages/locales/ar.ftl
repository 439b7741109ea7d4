# رسائل الصفحات مع صيغ الجمع، بالعربية.

projects-found = { $count ->
    [zero] مشروع
    [one] مشروع
    [two] مشروعان
    [few] مشاريع
    [many] مشروعًا
   *[other] مشروع
}

projects = { $count ->
    [zero] مشروع
    [one] مشروع
    [two] مشروعان
    [few] مشاريع
    [many] مشروعًا
   *[other] مشروع
}
