# Los mensajes de las páginas, en español. Cada identificador existe en los seis archivos.

## Plurales

projects-found = { $count ->
    [one] proyecto encontrado
   *[other] proyectos encontrados
}

projects = { $count ->
    [one] proyecto
   *[other] proyectos
}

## Pages: navigation, search, project, forms, statistics

site-name = Inventario de la CMSI
skip-to-content = Ir al contenido
main-nav = Navegación principal
nav-search = Búsqueda
nav-covid = Repositorio de casos TIC COVID-19
nav-stats = Estadísticas
nav-submit = Presentar un proyecto
nav-secretariat = Secretaría
language = Idioma
search-heading = Buscar proyectos de TIC para el desarrollo
covid-heading = Repositorio de casos TIC COVID-19
covid-intro = Proyectos que utilizan las TIC en respuesta a la pandemia de COVID-19.
search-label = Buscar proyectos
search-button = Buscar
filters = Filtros
skip-to-results = Ir a los resultados
menu = Menú
suggestions = Sugerencias
suggest-projects = Proyectos
suggest-organizations = Organizaciones
download = Descargar estos resultados
download-without-words = Las descargas contienen todos los proyectos que cumplen los filtros; las palabras buscadas no se aplican.
beyond-last-page = Esta página está más allá de la última página de resultados.
last-page = Ir a la última página
go-to-filter = Ir al filtro
without-quotes = Ningún proyecto tiene estas palabras en este orden exacto. Buscar sin las comillas
bad-value = este valor no se entendió y se omitió.
bad-year-range = El año final es anterior al año inicial, por lo que se omitieron los años.
bad-words = No se pudieron leer las palabras buscadas (¿quedó abierta una comilla?), por lo que se omitieron.
apply-filters = Aplicar filtros
clear-filters = Borrar todos los filtros
remove-filter = Quitar filtro
no-results = Ningún proyecto coincide con esta búsqueda.
no-results-hint = Pruebe con menos palabras o quite uno de estos filtros:
sort-label = Ordenar por
sort-relevance = Pertinencia
sort-newest = Más recientes primero
sort-oldest = Más antiguos primero
sort-title = Título
sort-confirmed = Última confirmación
confirmed-before = Confirmado antes del
confirmed-since = Confirmado desde el
previous = Anterior
next = Siguiente
page = Página
pagination = Páginas de resultados
action-lines = Líneas de acción de la CMSI
sdgs = Objetivos de Desarrollo Sostenible
regions = Regiones de la UIT
countries = Países
more-countries = Más países
stakeholder-type = Tipo de parte interesada
itu-entity = Entidad de la UIT
itu-entity-hint = Solo para un proyecto de la propia UIT (tipo de parte interesada: organización internacional).
scope = Alcance
status = Estado
start-year = Año de inicio
year-from = Desde
year-to = Hasta
covid19 = Respuesta a la COVID-19
covid-any = Todos
yes = Sí
no = No
organization = Organización
description = Descripción
title = Título
website = Sitio web
start-date = Fecha de inicio
date-unknown = fecha desconocida
end-date = Fecha de finalización
project-language = Idioma del texto
published-on = Publicado
related-projects = Proyectos relacionados
suggest-tags-button = Sugerir líneas de acción y ODS
suggested-tags = Sugerencias a partir de su texto
suggested-tags-hint = Las sugerencias se marcan abajo si no había marcado ninguna; revíselas antes de enviar.
filter-suggestion = Filtrar por
partial-match = Ningún proyecto tiene todas sus palabras; estos tienen la mayoría.
reason-keywords = Palabras encontradas
reason-similar = Proyectos publicados similares
reason-matrix = Matriz CMSI–ODS
search-same = Buscar proyectos con la misma etiqueta
not-found = Página no encontrada
not-found-text = Esta página o proyecto no existe o no está publicado.
bad-request = No se puede responder a esta solicitud
submit-heading = Presentar un proyecto
answering-call = Responde a la convocatoria
call-field = Convocatoria
submit-intro = Describa su proyecto de TIC para el desarrollo. La secretaría de la CMSI revisa cada propuesta antes de publicarla.
submit-button = Enviar para revisión
required = obligatorio
contact = Contacto (solo lo ve la secretaría)
contact-hint = Solo lo usamos para consultas sobre esta propuesta.
contact-name = Nombre
contact-email = Correo electrónico
choose = Elegir…
countries-hint = Mantenga pulsada Ctrl (o Cmd) para elegir varios.
countries-filter = Buscar un país
countries-pick-hint = Escriba para acotar la lista y marque cada país que corresponda.
countries-chosen = Elegidos
countries-remove = Quitar { $name }
countries-none-match = Ningún país coincide.
form-has-errors = Corrija los campos señalados abajo.
submitted-heading = Gracias: su proyecto fue enviado
submitted-text = La secretaría lo revisará. Guarde este enlace privado: con él puede ver su propuesta, leer los mensajes de la secretaría, revisarla o retirarla.
edit-link = Su enlace privado
edit-link-hint = Cualquiera con este enlace puede modificar su propuesta; no lo comparta.
your-submission = Su propuesta
state = Estado
version = Versión
messages = Mensajes de la secretaría
no-messages = Todavía no hay mensajes.
revise-heading = Revisar su propuesta
revise-button = Guardar la revisión
current-heading = ¿Está al día?
current-hint = Si su proyecto sigue descrito correctamente, indíquelo: la secretaría ve la fecha de su confirmación.
current-button = Confirmar que está al día
withdraw-heading = Retirar su propuesta
withdraw-button = Retirar
waiting-revision = Su revisión espera a la secretaría; el texto publicado se mantiene hasta su aprobación.
done = Guardado.
public-page = Ver la página pública de su proyecto
withdraw-hint = La retirada no se puede deshacer: el proyecto deja de ser público y ya no se puede revisar.
withdraw-confirm = Sí, retirar este proyecto
withdraw-unconfirmed = No se ha retirado nada: marque «Sí, retirar este proyecto» para confirmar.
withdrawn-notice = Este proyecto se ha retirado y ya no es público.
changed-heading = Modificado mientras usted editaba
changed-intro = Alguien guardó una nueva versión de este proyecto después de que usted abriera esta página. Su texto aún no se ha guardado: se conserva en el formulario de abajo.
changed-apply = Guardar de nuevo el formulario aplica su texto sobre la versión actual y sustituye los valores guardados mientras tanto que se muestran aquí.
changed-none = Ningún campo cambió mientras tanto; solo cambió el estado del proyecto.
saved-meanwhile = Guardado mientras tanto
your-text = Su texto
empty-value = (vacío)
stats-heading = Estadísticas
stats-intro = Proyectos publicados contados por etiqueta, según los filtros de abajo.
by-action-line-region = Líneas de acción por región de la UIT
total = Total
table = Tabla
footer = Inventario de la CMSI: proyectos de TIC para el desarrollo de todas las partes interesadas.

## The secretariat's pages: sign-in, moderation desk, selection builder

desk-signed-in-as = Sesión iniciada como
desk-read-only = solo lectura
desk-moderation-queue = Cola de moderación
desk-selections = Selecciones
desk-calls = Convocatorias
desk-sign-out = Cerrar sesión
desk-queue-empty = Nada espera revisión.
desk-new-submission = Nueva propuesta
desk-revision = Revisión de un proyecto publicado
desk-waiting-since = en espera desde
desk-contact = Contacto
desk-duplicates = Posibles duplicados
desk-all-fields = Todos los campos
desk-publish = Publicar
desk-message-label = Mensaje para el autor
desk-request-changes = Solicitar cambios
desk-reason-label = Motivo del rechazo
desk-reject = Rechazar
desk-key-label = Clave de la secretaría
desk-key-hint = Creada con: stocktaking keys create --name NOMBRE
desk-sign-in = Iniciar sesión
desk-bad-key = Esta clave no es válida.
desk-kind = Tipo
desk-title = Título
desk-projects = Proyectos
desk-published = Publicada
desk-new-selection = Nueva selección
desk-create = Crear
desk-theme = Tema o resumen
desk-date = Fecha (sesiones TalkX)
desk-category = Categoría de los Premios (listas de los Premios)
desk-year = Año de los Premios (listas de los Premios)
desk-public-page = página pública
desk-not-published = no publicada
desk-export = exportar
desk-gone = este proyecto ya no es público
desk-note = Nota pública (se muestra en la página de la selección)
desk-move-up = Subir
desk-move-down = Bajar
desk-remove = Quitar
desk-add-projects = Añadir proyectos
desk-search-published = Buscar proyectos publicados
desk-add = Añadir
desk-description = Descripción
desk-published-check = Publicada (el público puede leerla)
desk-save = Guardar
desk-unpublished = Despublicada
desk-changes-heading = Cambios respecto al texto publicado
desk-filter-legend = Filtrar la cola
desk-show = Mostrar
desk-everything-waiting = Todo lo que espera
desk-revisions-waiting = Revisiones en espera
desk-text-contains = El título o la organización contiene
desk-action-line = Línea de acción
desk-any = Cualquiera
desk-apply-filter = Filtrar
desk-nothing-matches = Nada coincide.
desk-unpublish = Despublicar
desk-unpublish-reason = Motivo de la despublicación (quien lo presentó lo verá)
desk-unpublish-confirm = Confirmo: retirar este proyecto de la vista pública
desk-unpublish-hint = Vuelve a quien lo presentó para que lo modifique y sale de la búsqueda de inmediato.
desk-kind-name = { $kind ->
    [talkx] Sesión WSIS TalkX
    [prizes_shortlist] Lista de preseleccionados de los Premios CMSI
    [report] Capítulo del informe de inventario
   *[collection] Colección
}

## The public selection pages

selections-selections = Selecciones
selections-intro = Proyectos elegidos por la secretaría de la CMSI: sesiones WSIS TalkX, listas de preseleccionados de los Premios CMSI y capítulos del informe de inventario.
selections-kind = Tipo
selections-all-kinds = Todos los tipos
selections-year = Año
selections-all-years = Todos los años
selections-show = Mostrar
selections-by-kind = Selecciones por tipo
selections-shown = Selecciones mostradas:
selections-projects = Proyectos:
selections-none-yet = Todavía no se ha publicado ninguna selección.
selections-none-match = Ninguna selección publicada coincide con este filtro.
selections-all-selections = Todas las selecciones
selections-in-selections = En selecciones
selections-gone = Este proyecto ya no es público.
selections-kind-names = { $kind ->
    [talkx] Sesiones WSIS TalkX
    [prizes_shortlist] Listas de preseleccionados de los Premios CMSI
    [report] Capítulos del informe de inventario
   *[collection] Colecciones
}

## Nombres de los idiomas

language-name = { $code ->
    [ar] árabe
    [zh] chino
   *[en] inglés
    [fr] francés
    [ru] ruso
    [es] español
}

## Errores de los formularios: tras la etiqueta del campo y dos puntos

error-required = este campo es obligatorio
error-required-countries = elija al menos un país, salvo que el alcance sea internacional
error-required-action-lines = elija al menos una línea de acción
error-required-sdgs = elija al menos un ODS
error-too-short = escriba al menos { $min } { $min ->
    [one] carácter
   *[other] caracteres
}; este texto tiene { $chars }
error-too-long = escriba como máximo { $max } { $max ->
    [one] carácter
   *[other] caracteres
}; este texto tiene { $chars }
error-invalid-date = escriba una fecha entre 1900 y 2100 como año-mes-día, por ejemplo 2024-03-31
error-invalid-date-range = la fecha de finalización es anterior a la fecha de inicio
error-invalid-url = escriba una dirección web completa que empiece por https:// o http://
error-invalid-email = escriba una dirección de correo electrónico, por ejemplo nombre@ejemplo.org
error-duplicate-value = un valor está elegido dos veces
error-control-character = elimine los caracteres de control invisibles
error-line-break = escríbalo en una sola línea
error-unbalanced-bidi = elimine las marcas de dirección del texto sin pareja
error-invalid-value-category = solo las listas de finalistas de los Premios y los capítulos del informe tienen categoría
error-invalid-value-year = escriba un año entre 2000 y 2100
error-call-closed = esta convocatoria está cerrada; envíe de nuevo el formulario para presentar su proyecto sin ella
error-call-not-open = esta convocatoria todavía no está abierta; envíe de nuevo el formulario para presentar su proyecto sin ella
error-unknown-call = esa convocatoria no existe; envíe de nuevo el formulario para presentar su proyecto sin ella
error-call-not-for-submissions = esta convocatoria pide actualizar proyectos publicados, no proyectos nuevos; envíe de nuevo el formulario para presentar su proyecto sin ella
error-invalid-combination-itu-entity = solo un proyecto de la propia UIT indica una entidad de la UIT: elija el tipo «organización internacional» o deje este campo vacío
error-invalid = este valor no se acepta

## El generador de selecciones de la secretaría

desk-already-added = Ya está en esta selección
desk-save-notes = Guardar notas
desk-used-by = Lo usa
desk-kind-fields-hint = Cada tipo usa algunos de estos campos; los demás quedan vacíos.
desk-order-hint = Arrastre un proyecto por su asa para cambiar el orden, o use Subir y Bajar.
desk-drag-handle = Arrastrar para reordenar
desk-order-saved = El nuevo orden está guardado.
desk-order-not-saved = No se pudo guardar el nuevo orden. Recargue la página e inténtelo de nuevo.
desk-changed-meanwhile = La selección cambió entretanto, así que no se guardó nada. Aquí está tal como es ahora.
desk-category-only = Solo se listan los proyectos etiquetados { $line }: esta selección no admite otros.
desk-decision-changed-meanwhile = Cambió entretanto, así que no se decidió (su autor lo revisó o alguien más decidió antes)
desk-reject-confirm = Confirmo el rechazo de este proyecto
desk-reject-unconfirmed = Marque la casilla para confirmar el rechazo.
desk-unpublish-unconfirmed = Marque la casilla para confirmar la despublicación.
desk-saved = Guardado.
error-wrong-category = esta selección solo admite proyectos etiquetados con su categoría
error-not-published = solo se pueden añadir proyectos publicados

## Páginas de error

page-error-bad-parameter = El valor de «{ $name }» en la dirección no se puede usar aquí. Vuelva atrás o empiece de nuevo desde la página de búsqueda.
page-error-unauthorized = Inicie sesión para ver esta página.
page-error-forbidden = Este formulario ha caducado o no procede de este sitio. Vuelva atrás, recargue la página e inténtelo de nuevo.
page-error-conflict = Esto cambió mientras tanto. Recargue la página para verlo como está ahora e inténtelo de nuevo.
page-error-retry = Demasiadas solicitudes a la vez. Inténtelo de nuevo dentro de { $seconds } { $seconds ->
    [one] segundo
   *[other] segundos
}.
page-error-unavailable = Algo falló por nuestra parte. Inténtelo de nuevo más tarde.
page-error-method = Esta dirección no acepta este tipo de solicitud.

## Cuentas: acceso con un enlace por correo electrónico, «Mis proyectos»

nav-account = Mis proyectos
account-heading = Mis proyectos
account-intro = Inicie sesión con la dirección de correo electrónico que indicó como contacto de sus proyectos. Le enviamos un enlace que funciona una vez, durante 15 minutos. No hay contraseña.
account-email = Correo electrónico
account-send-link = Enviarme un enlace de acceso
account-sent-heading = Revise su bandeja de entrada
account-sent-text = Si la dirección es válida, se le ha enviado un enlace de acceso. Funciona una vez, durante 15 minutos.
account-confirm-heading = Iniciar sesión
account-confirm-text = Inicie sesión para ver los proyectos de su dirección de correo electrónico.
account-confirm-button = Iniciar sesión
account-link-refused = Este enlace de acceso es desconocido, ya se usó o caducó. Pida uno nuevo a continuación.
account-signed-in-as = Sesión iniciada como
account-sign-out = Cerrar sesión
account-none = Ningún proyecto tiene todavía esta dirección como contacto.
account-state = Estado
account-updated = Último cambio
account-open = Abrir, revisar o retirar
account-public-page = Página pública
account-messages = Mensajes de la secretaría
account-bad-email = Escriba una dirección de correo electrónico, como nombre@example.org.
account-signed-out = Ha cerrado la sesión.

## Mensajes de correo electrónico

mail-greeting = Hola:
mail-signature = La secretaría del WSIS Stocktaking
mail-project-link = Su proyecto
mail-my-projects = Mis proyectos
mail-private-link = Su enlace privado (consérvelo)
mail-their-message = Mensaje de la secretaría:
mail-submitted-subject = Hemos recibido su proyecto «{ $title }»
mail-submitted-body = Gracias. La secretaría examinará su proyecto «{ $title }». Hasta que se publique, solo usted puede verlo, con su enlace privado que figura abajo. También puede iniciar sesión con esta dirección en «Mis proyectos».
mail-published-subject = «{ $title }» está publicado
mail-published-body = Su proyecto «{ $title }» ya es público en la base de datos WSIS Stocktaking.
mail-changes-subject = Cambios solicitados para «{ $title }»
mail-changes-body = La secretaría le pide que revise su proyecto «{ $title }» antes de publicarlo.
mail-rejected-subject = «{ $title }» no fue aceptado
mail-rejected-body = La secretaría no aceptó su proyecto «{ $title }».
mail-revision-published-subject = Sus cambios en «{ $title }» están publicados
mail-revision-published-body = La secretaría publicó su revisión de «{ $title }».
mail-revision-rejected-subject = Sus cambios en «{ $title }» no fueron aceptados
mail-revision-rejected-body = La secretaría no aceptó su revisión de «{ $title }»; la versión publicada se mantiene.
mail-unpublished-subject = «{ $title }» se retiró de la vista pública
mail-unpublished-body = La secretaría retiró su proyecto «{ $title }» de la vista pública. Revíselo para que se publique de nuevo.
mail-sign-in-subject = Su enlace de acceso a WSIS Stocktaking
mail-sign-in-body = Use este enlace en los próximos 15 minutos para iniciar sesión y ver sus proyectos. Funciona una sola vez. Si no lo pidió, ignore este mensaje.
mail-sign-in-link = Iniciar sesión

## Convocatorias

calls-heading = Convocatorias de contribuciones
calls-open = Convocatorias abiertas
calls-past = Convocatorias cerradas
calls-none-open = No hay ninguna convocatoria abierta.
calls-none-past = Todavía no se ha cerrado ninguna convocatoria.
calls-opens = Apertura
calls-closes = Fecha límite
calls-extended = Fecha límite modificada
calls-submissions = Contribuciones
calls-kind-stocktaking = Informe del Inventario de la CMSI
calls-kind-covid19 = Repositorio de casos TIC sobre la COVID-19
calls-kind-prizes = Premios CMSI
calls-kind-update = Solicitud de actualización
calls-answer = Presentar un proyecto para esta convocatoria
mail-update-subject = Revise su proyecto «{ $title }»
mail-update-body = La secretaría de la CMSI pide a quienes presentaron proyectos publicados que comprueben que sus fichas siguen siendo correctas. Abra su proyecto «{ $title }» y confirme que está al día o revíselo.
mail-update-reminder-subject = Recordatorio: revise su proyecto «{ $title }»
mail-update-reminder-body = Todavía no hemos recibido respuesta. Abra su proyecto «{ $title }» y confirme que está al día o revíselo.

## The secretariat's calls and update requests
updesk-calls = Convocatorias
updesk-calls-intro = La página de cada convocatoria muestra sus solicitudes de actualización: una convocatoria de actualización pide a los contactos de los proyectos publicados que revisen sus fichas.
updesk-none = Aún no hay convocatorias.
updesk-round = Solicitudes de actualización
updesk-requested = Solicitadas
updesk-updated = Actualizados
updesk-confirmed = Confirmados sin cambios
updesk-no-answer = Sin respuesta
updesk-project = Proyecto
updesk-asked-on = Solicitada el
updesk-reminders = Recordatorios
updesk-answer = Respuesta
updesk-ask-heading = Pedir actualizaciones
updesk-ask-hint = Se pide una vez en esta convocatoria a los contactos de los proyectos publicados que pasan estos filtros y que no se confirmaron ni cambiaron desde la fecha.
updesk-unconfirmed-since = Sin confirmar desde
updesk-ask-button = Enviar las solicitudes
updesk-remind-button = Recordar a quienes no respondieron
updesk-sent = Mensajes en cola:
updesk-closed = Esta convocatoria está cerrada: ya no envía solicitudes ni recordatorios.
updesk-not-update = Esta convocatoria pide nuevas contribuciones, no actualizaciones.
updesk-is-open = abierta
updesk-is-closed = cerrada
submit-call-closed = La convocatoria «{ $title }» cerró el { $date }. Aún puede presentar su proyecto: no responderá a esa convocatoria.
submit-call-not-open = La convocatoria «{ $title }» abre el { $date }. Puede presentar su proyecto ahora sin ella, o volver entonces.
