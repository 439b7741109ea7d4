# 页面中带复数的消息（中文）。

projects-found = { $count ->
   *[other] 个项目
}

projects = { $count ->
   *[other] 个项目
}
