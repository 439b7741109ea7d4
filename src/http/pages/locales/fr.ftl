# Les messages des pages avec pluriels, en français.

projects-found = { $count ->
    [one] projet trouvé
   *[other] projets trouvés
}

projects = { $count ->
    [one] projet
   *[other] projets
}
