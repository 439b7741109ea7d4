# The pages' messages with plurals, in English. Each id exists in all six files.

# After the number of projects a search found.
projects-found = { $count ->
    [one] project found
   *[other] projects found
}

# After a number of projects.
projects = { $count ->
    [one] project
   *[other] projects
}
