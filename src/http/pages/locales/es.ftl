# Los mensajes de las páginas con plurales, en español.

projects-found = { $count ->
    [one] proyecto encontrado
   *[other] proyectos encontrados
}

projects = { $count ->
    [one] proyecto
   *[other] proyectos
}
