# 页面的消息（中文）。每个标识在六个文件中都有。

## 复数

projects-found = { $count ->
   *[other] 个项目
}

projects = { $count ->
   *[other] 个项目
}

## Pages: navigation, search, project, forms, statistics

site-name = 信息社会世界峰会盘点
skip-to-content = 跳到正文
main-nav = 主导航
nav-search = 搜索
nav-covid = COVID-19 信通技术案例库
nav-stats = 统计
nav-submit = 提交项目
nav-secretariat = 秘书处
language = 语言
search-heading = 搜索信通技术促进发展项目
covid-heading = COVID-19 信通技术案例库
covid-intro = 利用信通技术应对 COVID-19 大流行的项目。
search-label = 搜索项目
search-button = 搜索
filters = 筛选
skip-to-results = 跳到结果
menu = 菜单
suggestions = 建议
suggest-projects = 项目
suggest-organizations = 组织
download = 下载这些结果
download-without-words = 下载包含符合筛选条件的所有项目；不应用搜索词。
beyond-last-page = 此页超出了结果的最后一页。
last-page = 转到最后一页
go-to-filter = 转到该筛选条件
without-quotes = 没有项目按此确切顺序包含这些词。不带引号搜索
bad-value = 无法识别此值，已忽略。
bad-year-range = 结束年份早于开始年份，因此已忽略年份。
bad-words = 无法读取搜索词（是否有未闭合的引号？），因此已忽略。
apply-filters = 应用筛选
clear-filters = 清除所有筛选
remove-filter = 移除筛选
no-results = 没有与此搜索匹配的项目。
no-results-hint = 请减少关键词，或移除以下筛选之一：
sort-label = 排序
sort-relevance = 相关性
sort-newest = 最新优先
sort-oldest = 最早优先
sort-title = 标题
sort-confirmed = 最近确认
confirmed-before = 确认早于
confirmed-since = 确认不早于
previous = 上一页
next = 下一页
page = 页
pagination = 结果分页
action-lines = 信息社会世界峰会行动方针
sdgs = 可持续发展目标
regions = 国际电联区域
countries = 国家
more-countries = 更多国家
stakeholder-type = 利益攸关方类型
itu-entity = 国际电联部门
itu-entity-hint = 仅适用于国际电联自身的项目（利益攸关方类型：国际组织）。
scope = 范围
status = 状态
start-year = 开始年份
year-from = 自
year-to = 至
covid19 = 应对 COVID-19
covid-any = 全部
yes = 是
no = 否
organization = 组织
description = 说明
title = 标题
website = 网站
start-date = 开始日期
date-unknown = 日期不详
end-date = 结束日期
project-language = 文本语言
published-on = 发布
related-projects = 相关项目
suggest-tags-button = 建议行动方针和可持续发展目标
suggested-tags = 根据您的文字建议
suggested-tags-hint = 如果您尚未勾选，建议的标签已在下方勾选；提交前请检查。
filter-suggestion = 筛选：
partial-match = 没有项目包含您输入的全部词语；以下项目包含其中大部分。
reason-keywords = 找到的词语
reason-similar = 类似的已发布项目
reason-matrix = 信息社会世界峰会–可持续发展目标矩阵
search-same = 查找具有相同标签的项目
not-found = 未找到页面
not-found-text = 该页面或项目不存在，或尚未发布。
bad-request = 无法响应此请求
submit-heading = 提交项目
answering-call = 您正在响应征集
call-field = 征集
submit-intro = 请介绍您的信通技术促进发展项目。信息社会世界峰会秘书处在发布前审核每一份提交。
submit-button = 提交审核
required = 必填
contact = 联系人（仅秘书处可见）
contact-hint = 我们仅在询问本提交时使用。
contact-name = 姓名
contact-email = 电子邮件
choose = 请选择…
countries-hint = 按住 Ctrl（或 Cmd）可多选。
countries-filter = 查找国家
countries-pick-hint = 输入文字以缩小列表，然后勾选所有相关国家。
countries-chosen = 已选
countries-remove = 移除{ $name }
countries-none-match = 没有匹配的国家。
form-has-errors = 请更正下方标出的字段。
submitted-heading = 谢谢：您的项目已提交
submitted-text = 秘书处将进行审核。请保存此私人链接：通过它可以查看提交、阅读秘书处的消息、修改或撤回提交。
edit-link = 您的私人链接
edit-link-hint = 任何持有此链接的人都可以更改您的提交；请勿分享。
your-submission = 您的提交
state = 状态
version = 版本
messages = 秘书处的消息
no-messages = 暂无消息。
revise-heading = 修改您的提交
revise-button = 保存修改
current-heading = 信息是否最新？
current-hint = 如果您的项目描述仍然正确，请予以确认：秘书处会看到您确认的日期。
current-button = 确认信息为最新
withdraw-heading = 撤回您的提交
withdraw-button = 撤回
waiting-revision = 您的修改正在等待秘书处审核；在批准之前，已发布的文本保持不变。
done = 已保存。
public-page = 查看您项目的公开页面
withdraw-hint = 撤回后无法恢复：项目将不再公开，也不能再修改。
withdraw-confirm = 是的，撤回此项目
withdraw-unconfirmed = 尚未撤回任何内容：请勾选“是的，撤回此项目”以确认。
withdrawn-notice = 此项目已撤回，不再公开。
changed-heading = 您编辑期间已有更改
changed-intro = 在您打开此页面之后，有人保存了此项目的新版本。您的文本尚未保存，已保留在下面的表单中。
changed-apply = 再次保存表单会将您的文本应用到当前版本上，并替换此处显示的期间已保存的值。
changed-none = 期间没有任何字段更改，只有项目的状态发生了变化。
saved-meanwhile = 期间已保存
your-text = 您的文本
empty-value = （空）
stats-heading = 统计
stats-intro = 按标签统计的已发布项目，依据下方筛选。
by-action-line-region = 按国际电联区域划分的行动方针
total = 合计
table = 表格
footer = 信息社会世界峰会盘点：所有利益攸关方的信通技术促进发展项目。

## The secretariat's pages: sign-in, moderation desk, selection builder

desk-signed-in-as = 已登录：
desk-read-only = 只读
desk-moderation-queue = 审核队列
desk-selections = 精选
desk-calls = 征集
desk-sign-out = 退出
desk-queue-empty = 没有待审核的内容。
desk-new-submission = 新提交
desk-revision = 已发布项目的修改
desk-waiting-since = 等待自
desk-contact = 联系人
desk-duplicates = 可能重复
desk-all-fields = 全部字段
desk-publish = 发布
desk-message-label = 给提交者的消息
desk-request-changes = 要求修改
desk-reason-label = 拒绝理由
desk-reject = 拒绝
desk-key-label = 秘书处密钥
desk-key-hint = 创建方式：stocktaking keys create --name 名称
desk-sign-in = 登录
desk-bad-key = 此密钥无效。
desk-kind = 类型
desk-title = 标题
desk-projects = 项目
desk-published = 已发布
desk-new-selection = 新建精选
desk-create = 创建
desk-theme = 主题或摘要
desk-date = 日期（TalkX 会议）
desk-category = 奖项类别（奖项候选名单）
desk-year = 奖项年份（奖项候选名单）
desk-public-page = 公开页面
desk-not-published = 未发布
desk-export = 导出
desk-gone = 该项目已不再公开
desk-note = 公开备注（显示在精选页面上）
desk-move-up = 上移
desk-move-down = 下移
desk-remove = 移除
desk-add-projects = 添加项目
desk-search-published = 搜索已发布项目
desk-add = 添加
desk-description = 说明
desk-published-check = 已发布（公众可阅读）
desk-save = 保存
desk-unpublished = 已撤下
desk-changes-heading = 与已发布文本相比的修改
desk-filter-legend = 筛选队列
desk-show = 显示
desk-everything-waiting = 全部待处理
desk-revisions-waiting = 待审修订
desk-text-contains = 标题或组织包含
desk-action-line = 行动方针
desk-any = 任意
desk-apply-filter = 筛选
desk-nothing-matches = 没有匹配项。
desk-unpublish = 撤下发布
desk-unpublish-reason = 撤下原因（提交者可见）
desk-unpublish-confirm = 我确认：将此项目从公开页面撤下
desk-unpublish-hint = 项目将退回提交者修改，并立即从搜索中移除。
desk-kind-name = { $kind ->
    [talkx] WSIS TalkX 会议
    [prizes_shortlist] 信息社会世界峰会奖候选名单
    [report] 盘点报告章节
   *[collection] 合集
}

## The public selection pages

selections-selections = 精选
selections-intro = 信息社会世界峰会秘书处挑选的项目：WSIS TalkX 会议、信息社会世界峰会奖候选名单和盘点报告章节。
selections-kind = 类型
selections-all-kinds = 所有类型
selections-year = 年份
selections-all-years = 所有年份
selections-show = 显示
selections-by-kind = 按类型浏览精选
selections-shown = 当前显示：
selections-projects = 项目数：
selections-none-yet = 尚未发布任何精选。
selections-none-match = 没有与此筛选条件匹配的已发布精选。
selections-all-selections = 所有精选
selections-in-selections = 所属精选
selections-gone = 该项目已不再公开。
selections-kind-names = { $kind ->
    [talkx] WSIS TalkX 会议
    [prizes_shortlist] 信息社会世界峰会奖候选名单
    [report] 盘点报告章节
   *[collection] 合集
}

## 语言名称

language-name = { $code ->
    [ar] 阿拉伯文
    [zh] 中文
   *[en] 英文
    [fr] 法文
    [ru] 俄文
    [es] 西班牙文
}

## 表单错误：在字段标签和冒号之后

error-required = 此项为必填项
error-required-countries = 请至少选择一个国家，除非范围为国际
error-required-action-lines = 请至少选择一个行动方面
error-required-sdgs = 请至少选择一个可持续发展目标
error-too-short = 请至少写 { $min } 个字符；当前为 { $chars } 个
error-too-long = 请最多写 { $max } 个字符；当前为 { $chars } 个
error-invalid-date = 请填写 1900 年至 2100 年之间的日期，格式为年-月-日，例如 2024-03-31
error-invalid-date-range = 结束日期早于开始日期
error-invalid-url = 请填写以 https:// 或 http:// 开头的完整网址
error-invalid-email = 请填写电子邮件地址，例如 name@example.org
error-duplicate-value = 有一个值被选择了两次
error-control-character = 请删除不可见的控制字符
error-line-break = 请写在一行内
error-unbalanced-bidi = 请删除不成对的文字方向标记
error-invalid-value-category = 只有奖项入围名单和报告章节才有类别
error-invalid-value-year = 请填写 2000 至 2100 之间的年份
error-call-closed = 此征集已截止；请再次提交表单，以不关联征集的方式提交项目
error-call-not-open = 此征集尚未开始；请再次提交表单，以不关联征集的方式提交项目
error-unknown-call = 不存在此征集；请再次提交表单，以不关联征集的方式提交项目
error-call-not-for-submissions = 此征集要求更新已发布的项目，而非提交新项目；请再次提交表单，以不关联征集的方式提交项目
error-invalid-combination-itu-entity = 只有国际电联自身的项目才填写国际电联部门：请选择利益攸关方类型“国际组织”，或留空
error-invalid = 不接受此值

## 秘书处的精选编辑器

desk-already-added = 已在此精选中
desk-save-notes = 保存备注
desk-used-by = 适用于
desk-kind-fields-hint = 每种类型只使用其中部分字段；其余字段留空。
desk-order-hint = 拖动项目的手柄可调整顺序，也可使用“上移”和“下移”按钮。
desk-drag-handle = 拖动以调整顺序
desk-order-saved = 新顺序已保存。
desk-order-not-saved = 新顺序未能保存。请重新加载页面后再试。
desk-changed-meanwhile = 此精选在此期间已被更改，因此未保存任何内容。以下为其当前状态。
desk-category-only = 仅列出标记为 { $line } 的项目：此精选不接受其他项目。
desk-decision-changed-meanwhile = 在此期间已被更改，因此未作出决定（作者已修订，或其他人已先作出决定）
desk-reject-confirm = 我确认拒绝此项目
desk-reject-unconfirmed = 请勾选此框以确认拒绝。
desk-unpublish-unconfirmed = 请勾选此框以确认撤下发布。
desk-saved = 已保存。
error-wrong-category = 此精选仅接受标记为其类别的项目
error-not-published = 只能添加已发布的项目

## 错误页面

page-error-bad-parameter = 地址中“{ $name }”的值无法在此使用。请返回，或从搜索页面重新开始。
page-error-unauthorized = 请登录后查看此页面。
page-error-forbidden = 此表单已过期或并非来自本网站。请返回，重新加载页面后再试。
page-error-conflict = 此内容在此期间已被更改。请重新加载页面查看当前内容，然后再试。
page-error-retry = 同时请求过多。请在 { $seconds } 秒后再试。
page-error-unavailable = 我们这边出了问题。请稍后再试。
page-error-method = 此地址不接受这种请求。

## 账户：通过电子邮件链接登录，“我的项目”

nav-account = 我的项目
account-heading = 我的项目
account-intro = 请使用您作为项目联系人提供的电子邮件地址登录。我们会向您发送一个链接，可在 15 分钟内使用一次。无需密码。
account-email = 电子邮件地址
account-send-link = 向我发送登录链接
account-sent-heading = 请查看您的收件箱
account-sent-text = 如果该地址有效，登录链接已发往该地址。链接可在 15 分钟内使用一次。
account-confirm-heading = 登录
account-confirm-text = 登录后即可查看您的电子邮件地址名下的项目。
account-confirm-button = 登录
account-link-refused = 此登录链接无效、已被使用或已过期。请在下方重新申请。
account-signed-in-as = 当前登录
account-sign-out = 退出登录
account-none = 目前还没有以此地址为联系人的项目。
account-state = 状态
account-updated = 最后更改
account-open = 打开、修改或撤回
account-public-page = 公开页面
account-messages = 秘书处的消息
account-bad-email = 请输入电子邮件地址，例如 name@example.org。
account-signed-out = 您已退出登录。

## 电子邮件

mail-greeting = 您好：
mail-signature = WSIS Stocktaking 秘书处
mail-project-link = 您的项目
mail-my-projects = 我的项目
mail-private-link = 您的私人链接（请妥善保存）
mail-their-message = 秘书处的消息：
mail-submitted-subject = 我们已收到您的项目“{ $title }”
mail-submitted-body = 谢谢。秘书处将审核您的项目“{ $title }”。在发布之前，只有您能通过下面的私人链接查看该项目。您也可以在“我的项目”中用此地址登录。
mail-published-subject = “{ $title }”已发布
mail-published-body = 您的项目“{ $title }”现已在 WSIS Stocktaking 数据库中公开。
mail-changes-subject = “{ $title }”需要修改
mail-changes-body = 秘书处请您在发布前修改您的项目“{ $title }”。
mail-rejected-subject = “{ $title }”未被接受
mail-rejected-body = 秘书处未接受您的项目“{ $title }”。
mail-revision-published-subject = 您对“{ $title }”的修改已发布
mail-revision-published-body = 秘书处已发布您对“{ $title }”的修订。
mail-revision-rejected-subject = 您对“{ $title }”的修改未被接受
mail-revision-rejected-body = 秘书处未接受您对“{ $title }”的修订；已发布的版本保持不变。
mail-unpublished-subject = “{ $title }”已停止公开
mail-unpublished-body = 秘书处已停止公开您的项目“{ $title }”。请修改后重新提交发布。
mail-sign-in-subject = 您的 WSIS Stocktaking 登录链接
mail-sign-in-body = 请在 15 分钟内使用此链接登录并查看您的项目。该链接只能使用一次。如果您没有申请，请忽略此邮件。
mail-sign-in-link = 登录

## 征集

calls-heading = 项目征集
calls-open = 进行中的征集
calls-past = 已结束的征集
calls-none-open = 目前没有进行中的征集。
calls-none-past = 尚无已结束的征集。
calls-opens = 开始
calls-closes = 截止日期
calls-extended = 截止日期已更改
calls-submissions = 提交数
calls-kind-stocktaking = 信息社会世界峰会盘点报告
calls-kind-covid19 = COVID-19 信通技术案例库
calls-kind-prizes = 信息社会世界峰会奖
calls-kind-update = 更新请求
calls-answer = 为此征集提交项目
mail-update-subject = 请核查您的项目“{ $title }”
mail-update-body = 信息社会世界峰会秘书处请已发布项目的提交者核查其条目是否仍然准确。请打开您的项目“{ $title }”，确认其为最新，或进行修改。
mail-update-reminder-subject = 提醒：请核查您的项目“{ $title }”
mail-update-reminder-body = 我们尚未收到您的答复。请打开您的项目“{ $title }”，确认其为最新，或进行修改。

## The secretariat's calls and update requests
updesk-calls = 征集
updesk-calls-intro = 每项征集的页面显示其更新请求：更新征集请已发布项目的联系人审核其条目。
updesk-none = 尚无征集。
updesk-round = 更新请求
updesk-requested = 已请求
updesk-updated = 已更新
updesk-confirmed = 确认无变化
updesk-no-answer = 未答复
updesk-project = 项目
updesk-asked-on = 请求日期
updesk-reminders = 提醒
updesk-answer = 答复
updesk-ask-heading = 请求更新
updesk-ask-hint = 符合这些筛选条件、且自该日期以来未确认也未修改的已发布项目的联系人，在本次征集中只会收到一次请求。
updesk-unconfirmed-since = 自此日期未确认
updesk-ask-button = 发送更新请求
updesk-remind-button = 提醒未答复者
updesk-sent = 已排队的消息：
updesk-closed = 本次征集已结束：不再发送请求或提醒。
updesk-not-update = 本次征集征求新的提交，而非更新。
updesk-is-open = 开放
updesk-is-closed = 已结束
submit-call-closed = 征集“{ $title }”已于 { $date } 截止。您仍可提交项目，但它不会计入该征集。
submit-call-not-open = 征集“{ $title }”将于 { $date } 开放。您现在可以不选该征集提交项目，或届时再来。
