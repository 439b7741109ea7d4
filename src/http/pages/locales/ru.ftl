# Сообщения страниц, по-русски. Каждый идентификатор есть во всех шести файлах.

## Множественное число

projects-found = { $count ->
    [one] проект найден
    [few] проекта найдено
    [many] проектов найдено
   *[other] проекта найдено
}

projects = { $count ->
    [one] проект
    [few] проекта
    [many] проектов
   *[other] проекта
}

## Pages: navigation, search, project, forms, statistics

site-name = Инвентаризация ВВУИО
skip-to-content = Перейти к содержанию
main-nav = Основная навигация
nav-search = Поиск
nav-covid = Репозиторий случаев ИКТ COVID-19
nav-stats = Статистика
nav-submit = Подать проект
nav-secretariat = Секретариат
language = Язык
search-heading = Поиск проектов ИКТ в целях развития
covid-heading = Репозиторий случаев ИКТ COVID-19
covid-intro = Проекты, использующие ИКТ в ответ на пандемию COVID-19.
search-label = Искать проекты
search-button = Найти
filters = Фильтры
skip-to-results = Перейти к результатам
menu = Меню
suggestions = Подсказки
suggest-projects = Проекты
suggest-organizations = Организации
download = Скачать эти результаты
download-without-words = В файлы попадают все проекты, соответствующие фильтрам; слова поиска не учитываются.
beyond-last-page = Эта страница находится за последней страницей результатов.
last-page = Перейти на последнюю страницу
go-to-filter = Перейти к фильтру
without-quotes = Ни в одном проекте нет этих слов в точно таком порядке. Искать без кавычек
bad-value = это значение не распознано и не учтено.
bad-year-range = Год окончания раньше года начала, поэтому годы не учтены.
bad-words = Не удалось прочитать слова поиска (не закрыта кавычка?), поэтому они не учтены.
apply-filters = Применить фильтры
clear-filters = Сбросить все фильтры
remove-filter = Убрать фильтр
no-results = Ни один проект не соответствует запросу.
no-results-hint = Попробуйте меньше слов или уберите один из фильтров:
sort-label = Сортировать по
sort-relevance = Релевантности
sort-newest = Сначала новые
sort-oldest = Сначала старые
sort-title = Названию
sort-confirmed = Подтверждению
confirmed-before = Подтверждено до
confirmed-since = Подтверждено с
previous = Назад
next = Далее
page = Страница
pagination = Страницы результатов
action-lines = Направления деятельности ВВУИО
sdgs = Цели в области устойчивого развития
regions = Регионы МСЭ
countries = Страны
more-countries = Другие страны
stakeholder-type = Тип заинтересованной стороны
itu-entity = Подразделение МСЭ
itu-entity-hint = Только для проекта самого МСЭ (тип заинтересованной стороны: международная организация).
scope = Масштаб
status = Состояние
start-year = Год начала
year-from = С
year-to = По
covid19 = Ответ на COVID-19
covid-any = Все
yes = Да
no = Нет
organization = Организация
description = Описание
title = Название
website = Веб-сайт
start-date = Дата начала
date-unknown = дата неизвестна
end-date = Дата окончания
project-language = Язык текста
published-on = Опубликован
related-projects = Похожие проекты
suggest-tags-button = Предложить направления деятельности и ЦУР
suggested-tags = Предложено по вашему тексту
suggested-tags-hint = Если вы ничего не отметили, предложенные теги отмечены ниже; проверьте их перед отправкой.
filter-suggestion = Фильтр:
partial-match = Ни один проект не содержит всех слов запроса; эти содержат большинство из них.
reason-keywords = Найденные слова
reason-similar = Похожие опубликованные проекты
reason-matrix = Матрица ВВИО–ЦУР
search-same = Найти проекты с той же меткой
not-found = Страница не найдена
not-found-text = Такой страницы или проекта нет, или он не опубликован.
bad-request = На этот запрос нельзя ответить
submit-heading = Подать проект
answering-call = Вы отвечаете на призыв
call-field = Призыв
submit-intro = Опишите ваш проект ИКТ в целях развития. Секретариат ВВУИО рассматривает каждую заявку перед публикацией.
submit-button = Отправить на рассмотрение
required = обязательно
contact = Контакт (видит только секретариат)
contact-hint = Мы используем его только для вопросов по этой заявке.
contact-name = Имя
contact-email = Электронная почта
choose = Выберите…
countries-hint = Удерживайте Ctrl (или Cmd), чтобы выбрать несколько.
countries-filter = Найти страну
countries-pick-hint = Начните вводить название, чтобы сократить список, и отметьте все подходящие страны.
countries-chosen = Выбрано
countries-remove = Убрать: { $name }
countries-none-match = Нет подходящих стран.
form-has-errors = Исправьте отмеченные ниже поля.
submitted-heading = Спасибо: ваш проект отправлен
submitted-text = Секретариат его рассмотрит. Сохраните эту личную ссылку: по ней вы можете увидеть заявку, прочитать сообщения секретариата, изменить или отозвать её.
edit-link = Ваша личная ссылка
edit-link-hint = Любой, у кого есть эта ссылка, может изменить вашу заявку; не передавайте её.
your-submission = Ваша заявка
state = Состояние
version = Версия
messages = Сообщения секретариата
no-messages = Сообщений пока нет.
revise-heading = Изменить заявку
revise-button = Сохранить изменения
current-heading = Сведения актуальны?
current-hint = Если описание проекта по-прежнему верно, подтвердите это: секретариат увидит дату подтверждения.
current-button = Подтвердить, что сведения актуальны
withdraw-heading = Отозвать заявку
withdraw-button = Отозвать
waiting-revision = Ваши изменения ждут секретариат; опубликованный текст остаётся до их одобрения.
done = Сохранено.
public-page = Открыть публичную страницу проекта
withdraw-hint = Отзыв нельзя отменить: проект перестаёт быть публичным, и его больше нельзя изменить.
withdraw-confirm = Да, отозвать этот проект
withdraw-unconfirmed = Ничего не отозвано: отметьте «Да, отозвать этот проект», чтобы подтвердить.
withdrawn-notice = Этот проект отозван и больше не является публичным.
changed-heading = Изменено, пока вы редактировали
changed-intro = Кто-то сохранил новую версию этого проекта после того, как вы открыли эту страницу. Ваш текст ещё не сохранён: он остался в форме ниже.
changed-apply = Повторное сохранение формы применит ваш текст к текущей версии и заменит показанные здесь значения, сохранённые за это время.
changed-none = За это время не изменилось ни одно поле; изменилось только состояние проекта.
saved-meanwhile = Сохранено за это время
your-text = Ваш текст
empty-value = (пусто)
stats-heading = Статистика
stats-intro = Опубликованные проекты по меткам с учётом фильтров ниже.
by-action-line-region = Направления деятельности по регионам МСЭ
total = Всего
table = Таблица
footer = Инвентаризация ВВУИО: проекты ИКТ в целях развития всех заинтересованных сторон.

## The secretariat's pages: sign-in, moderation desk, selection builder

desk-signed-in-as = Вход выполнен как
desk-read-only = только чтение
desk-moderation-queue = Очередь модерации
desk-selections = Подборки
desk-calls = Призывы
desk-sign-out = Выйти
desk-queue-empty = Ничто не ожидает рассмотрения.
desk-new-submission = Новая заявка
desk-revision = Изменение опубликованного проекта
desk-waiting-since = ожидает с
desk-contact = Контакт
desk-duplicates = Возможные дубликаты
desk-all-fields = Все поля
desk-publish = Опубликовать
desk-message-label = Сообщение автору
desk-request-changes = Запросить изменения
desk-reason-label = Причина отклонения
desk-reject = Отклонить
desk-key-label = Ключ секретариата
desk-key-hint = Создаётся командой: stocktaking keys create --name ИМЯ
desk-sign-in = Войти
desk-bad-key = Этот ключ недействителен.
desk-kind = Вид
desk-title = Название
desk-projects = Проекты
desk-published = Опубликована
desk-new-selection = Новая подборка
desk-create = Создать
desk-theme = Тема или краткое описание
desk-date = Дата (сессии TalkX)
desk-category = Категория премий (списки премий)
desk-year = Год премий (списки премий)
desk-public-page = публичная страница
desk-not-published = не опубликована
desk-export = экспорт
desk-gone = этот проект больше не публичен
desk-note = Публичное примечание (видно на странице подборки)
desk-move-up = Выше
desk-move-down = Ниже
desk-remove = Убрать
desk-add-projects = Добавить проекты
desk-search-published = Искать опубликованные проекты
desk-add = Добавить
desk-description = Описание
desk-published-check = Опубликована (доступна всем)
desk-save = Сохранить
desk-unpublished = Снята с публикации
desk-changes-heading = Изменения по сравнению с опубликованным текстом
desk-filter-legend = Фильтр очереди
desk-show = Показать
desk-everything-waiting = Всё, что ожидает
desk-revisions-waiting = Ожидающие редакции
desk-text-contains = Название или организация содержит
desk-action-line = Направление деятельности
desk-any = Любое
desk-apply-filter = Применить
desk-nothing-matches = Ничего не найдено.
desk-unpublish = Снять с публикации
desk-unpublish-reason = Причина снятия с публикации (её увидит автор заявки)
desk-unpublish-confirm = Подтверждаю: убрать этот проект из открытого доступа
desk-unpublish-hint = Проект вернётся автору на доработку и сразу исчезнет из поиска.
desk-kind-name = { $kind ->
    [talkx] Сессия WSIS TalkX
    [prizes_shortlist] Шорт-лист премий ВВУИО
    [report] Глава доклада об инвентаризации
   *[collection] Коллекция
}

## The public selection pages

selections-selections = Подборки
selections-intro = Проекты, отобранные секретариатом ВВУИО: сессии WSIS TalkX, шорт-листы премий ВВУИО и главы доклада об инвентаризации.
selections-kind = Вид
selections-all-kinds = Все виды
selections-year = Год
selections-all-years = Все годы
selections-show = Показать
selections-by-kind = Подборки по видам
selections-shown = Показано подборок:
selections-projects = Проектов:
selections-none-yet = Пока не опубликовано ни одной подборки.
selections-none-match = Ни одна опубликованная подборка не соответствует этому фильтру.
selections-all-selections = Все подборки
selections-in-selections = В подборках
selections-gone = Этот проект больше не публичен.
selections-kind-names = { $kind ->
    [talkx] Сессии WSIS TalkX
    [prizes_shortlist] Шорт-листы премий ВВУИО
    [report] Главы доклада об инвентаризации
   *[collection] Коллекции
}

## Названия языков

language-name = { $code ->
    [ar] арабский
    [zh] китайский
   *[en] английский
    [fr] французский
    [ru] русский
    [es] испанский
}

## Ошибки в формах: после названия поля и двоеточия

error-required = это поле обязательно
error-required-countries = выберите хотя бы одну страну, если охват не международный
error-required-action-lines = выберите хотя бы одно направление деятельности
error-required-sdgs = выберите хотя бы одну ЦУР
error-too-short = напишите не менее { $min } { $min ->
    [one] символа
   *[other] символов
}; сейчас { $chars }
error-too-long = напишите не более { $max } { $max ->
    [one] символа
   *[other] символов
}; сейчас { $chars }
error-invalid-date = укажите дату между 1900 и 2100 годом в виде год-месяц-день, например 2024-03-31
error-invalid-date-range = дата окончания раньше даты начала
error-invalid-url = укажите полный веб-адрес, начинающийся с https:// или http://
error-invalid-email = укажите адрес электронной почты, например name@example.org
error-duplicate-value = значение выбрано дважды
error-control-character = удалите невидимые управляющие символы
error-line-break = напишите это в одну строку
error-unbalanced-bidi = удалите непарные знаки направления текста
error-invalid-value-category = категория есть только у коротких списков Премий и глав отчёта
error-invalid-value-year = укажите год от 2000 до 2100
error-call-closed = приём по этому призыву завершён; отправьте форму ещё раз, чтобы представить проект без него
error-call-not-open = приём по этому призыву ещё не открыт; отправьте форму ещё раз, чтобы представить проект без него
error-unknown-call = такого призыва нет; отправьте форму ещё раз, чтобы представить проект без него
error-call-not-for-submissions = этот призыв просит обновить опубликованные проекты, а не представить новые; отправьте форму ещё раз, чтобы представить проект без него
error-invalid-combination-itu-entity = подразделение МСЭ указывается только для проекта самого МСЭ: выберите тип «международная организация» или оставьте поле пустым
error-invalid = это значение не принимается

## Конструктор подборок секретариата

desk-already-added = Уже в этой подборке
desk-save-notes = Сохранить примечания
desk-used-by = Используется в
desk-kind-fields-hint = Каждый вид использует часть этих полей; остальные остаются пустыми.
desk-order-hint = Перетащите проект за маркер, чтобы изменить порядок, или используйте кнопки «Выше» и «Ниже».
desk-drag-handle = Перетащите, чтобы изменить порядок
desk-order-saved = Новый порядок сохранён.
desk-order-not-saved = Не удалось сохранить новый порядок. Обновите страницу и попробуйте снова.
desk-changed-meanwhile = Подборка тем временем изменилась, поэтому ничего не сохранено. Вот она в текущем виде.
desk-category-only = Показаны только проекты с меткой { $line }: эта подборка не принимает другие.
desk-decision-changed-meanwhile = Тем временем изменился, поэтому решение не принято (автор его исправил или решение уже принял кто-то другой)
desk-reject-confirm = Подтверждаю отклонение этого проекта
desk-reject-unconfirmed = Отметьте флажок, чтобы подтвердить отклонение.
desk-unpublish-unconfirmed = Отметьте флажок, чтобы подтвердить снятие с публикации.
desk-saved = Сохранено.
error-wrong-category = эта подборка принимает только проекты с меткой её категории
error-not-published = добавлять можно только опубликованные проекты

## Страницы ошибок

page-error-bad-parameter = Значение «{ $name }» в адресе здесь использовать нельзя. Вернитесь назад или начните со страницы поиска.
page-error-unauthorized = Войдите, чтобы увидеть эту страницу.
page-error-forbidden = Срок действия формы истёк, или она отправлена не с этого сайта. Вернитесь назад, обновите страницу и попробуйте снова.
page-error-conflict = За это время здесь что-то изменилось. Обновите страницу, чтобы увидеть текущее состояние, и попробуйте снова.
page-error-retry = Слишком много запросов сразу. Попробуйте снова через { $seconds } { $seconds ->
    [one] секунду
    [few] секунды
   *[many] секунд
}.
page-error-unavailable = У нас что-то пошло не так. Попробуйте позже.
page-error-method = Этот адрес не принимает такой запрос.

## Учётные записи: вход по ссылке из письма, «Мои проекты»

nav-account = Мои проекты
account-heading = Мои проекты
account-intro = Войдите с адресом электронной почты, который вы указали как контактный для своих проектов. Мы пришлём ссылку, которая действует один раз в течение 15 минут. Пароль не нужен.
account-email = Адрес электронной почты
account-send-link = Прислать ссылку для входа
account-sent-heading = Проверьте почту
account-sent-text = Если адрес действителен, на него отправлена ссылка для входа. Она действует один раз в течение 15 минут.
account-confirm-heading = Вход
account-confirm-text = Войдите, чтобы увидеть проекты вашего адреса электронной почты.
account-confirm-button = Войти
account-link-refused = Эта ссылка для входа неизвестна, уже использована или устарела. Запросите новую ниже.
account-signed-in-as = Вы вошли как
account-sign-out = Выйти
account-none = Пока ни у одного проекта нет этого контактного адреса.
account-state = Состояние
account-updated = Последнее изменение
account-open = Открыть, исправить или отозвать
account-public-page = Публичная страница
account-messages = Сообщения секретариата
account-bad-email = Введите адрес электронной почты, например name@example.org.
account-signed-out = Вы вышли.

## Письма

mail-greeting = Здравствуйте!
mail-signature = Секретариат WSIS Stocktaking
mail-project-link = Ваш проект
mail-my-projects = Мои проекты
mail-private-link = Ваша личная ссылка (сохраните её)
mail-their-message = Сообщение секретариата:
mail-submitted-subject = Мы получили ваш проект «{ $title }»
mail-submitted-body = Спасибо. Секретариат рассмотрит ваш проект «{ $title }». Пока он не опубликован, его видите только вы — по личной ссылке ниже. Также можно войти с этим адресом в разделе «Мои проекты».
mail-published-subject = Проект «{ $title }» опубликован
mail-published-body = Ваш проект «{ $title }» теперь доступен всем в базе данных WSIS Stocktaking.
mail-changes-subject = Требуются изменения в проекте «{ $title }»
mail-changes-body = Секретариат просит вас исправить проект «{ $title }» перед публикацией.
mail-rejected-subject = Проект «{ $title }» не принят
mail-rejected-body = Секретариат не принял ваш проект «{ $title }».
mail-revision-published-subject = Ваши изменения проекта «{ $title }» опубликованы
mail-revision-published-body = Секретариат опубликовал вашу редакцию проекта «{ $title }».
mail-revision-rejected-subject = Ваши изменения проекта «{ $title }» не приняты
mail-revision-rejected-body = Секретариат не принял вашу редакцию проекта «{ $title }»; опубликованная версия остаётся.
mail-unpublished-subject = Проект «{ $title }» снят с публикации
mail-unpublished-body = Секретариат снял ваш проект «{ $title }» с публикации. Исправьте его, чтобы он был опубликован снова.
mail-sign-in-subject = Ссылка для входа в WSIS Stocktaking
mail-sign-in-body = Перейдите по этой ссылке в течение 15 минут, чтобы войти и увидеть свои проекты. Она действует один раз. Если вы её не запрашивали, просто проигнорируйте это письмо.
mail-sign-in-link = Войти

## Призывы к представлению проектов

calls-heading = Призывы к представлению проектов
calls-open = Открытые призывы
calls-past = Завершённые призывы
calls-none-open = Сейчас нет открытых призывов.
calls-none-past = Ни один призыв ещё не завершён.
calls-opens = Открытие
calls-closes = Крайний срок
calls-extended = Крайний срок изменён
calls-submissions = Представлено
calls-kind-stocktaking = Доклад об инвентаризации ВВУИО
calls-kind-covid19 = Хранилище примеров ИКТ в связи с COVID-19
calls-kind-prizes = Премии ВВУИО
calls-kind-update = Запрос на обновление
calls-answer = Представить проект по этому призыву
mail-update-subject = Проверьте, пожалуйста, ваш проект «{ $title }»
mail-update-body = Секретариат ВВУИО просит авторов опубликованных проектов проверить, что сведения о них по-прежнему верны. Откройте проект «{ $title }» и подтвердите, что он актуален, или исправьте его.
mail-update-reminder-subject = Напоминание: проверьте, пожалуйста, ваш проект «{ $title }»
mail-update-reminder-body = Мы ещё не получили ответа. Откройте проект «{ $title }» и подтвердите, что он актуален, или исправьте его.

## The secretariat's calls and update requests
updesk-calls = Призывы
updesk-calls-intro = На странице каждого призыва видны его запросы на обновление: призыв к обновлению просит контакты опубликованных проектов проверить свои записи.
updesk-none = Призывов пока нет.
updesk-round = Запросы на обновление
updesk-requested = Запрошено
updesk-updated = Обновлено
updesk-confirmed = Подтверждено без изменений
updesk-no-answer = Без ответа
updesk-project = Проект
updesk-asked-on = Запрошено
updesk-reminders = Напоминания
updesk-answer = Ответ
updesk-ask-heading = Запросить обновления
updesk-ask-hint = Контактам опубликованных проектов, которые проходят эти фильтры и не подтверждались и не менялись с указанной даты, запрос отправляется один раз в этом призыве.
updesk-unconfirmed-since = Не подтверждены с
updesk-ask-button = Отправить запросы
updesk-remind-button = Напомнить тем, кто не ответил
updesk-sent = Сообщений в очереди:
updesk-closed = Призыв закрыт: запросы и напоминания больше не отправляются.
updesk-not-update = Этот призыв собирает новые материалы, а не обновления.
updesk-is-open = открыт
updesk-is-closed = закрыт
submit-call-closed = Приём по призыву «{ $title }» закрыт { $date }. Вы по-прежнему можете подать проект: он не будет ответом на этот призыв.
submit-call-not-open = Призыв «{ $title }» откроется { $date }. Вы можете подать проект сейчас без него или вернуться позже.
