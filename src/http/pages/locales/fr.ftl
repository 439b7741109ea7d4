# Les messages des pages, en français. Chaque identifiant existe dans les six fichiers.

## Pluriels

projects-found = { $count ->
    [one] projet trouvé
   *[other] projets trouvés
}

projects = { $count ->
    [one] projet
   *[other] projets
}

## Pages: navigation, search, project, forms, statistics

site-name = Inventaire du SMSI
skip-to-content = Aller au contenu
main-nav = Navigation principale
nav-search = Recherche
nav-covid = Répertoire de cas TIC COVID-19
nav-stats = Statistiques
nav-submit = Soumettre un projet
nav-secretariat = Secrétariat
language = Langue
search-heading = Rechercher des projets TIC pour le développement
covid-heading = Répertoire de cas TIC COVID-19
covid-intro = Projets qui utilisent les TIC pour répondre à la pandémie de COVID-19.
search-label = Rechercher des projets
search-button = Rechercher
filters = Filtres
skip-to-results = Aller aux résultats
menu = Menu
suggestions = Suggestions
suggest-projects = Projets
suggest-organizations = Organisations
download = Télécharger ces résultats
download-without-words = Les téléchargements contiennent tous les projets qui correspondent aux filtres ; les mots recherchés ne sont pas appliqués.
beyond-last-page = Cette page est au-delà de la dernière page de résultats.
last-page = Aller à la dernière page
go-to-filter = Aller au filtre
without-quotes = Aucun projet ne contient ces mots dans cet ordre exact. Rechercher sans les guillemets
bad-value = cette valeur n’a pas été comprise et a été ignorée.
bad-year-range = L’année de fin précède l’année de début ; les années ont donc été ignorées.
bad-words = Les mots recherchés n’ont pas pu être lus (un guillemet est-il resté ouvert ?) ; ils ont donc été ignorés.
apply-filters = Appliquer les filtres
clear-filters = Effacer tous les filtres
remove-filter = Retirer le filtre
no-results = Aucun projet ne correspond à cette recherche.
no-results-hint = Essayez moins de mots, ou retirez l'un de ces filtres :
sort-label = Trier par
sort-relevance = Pertinence
sort-newest = Plus récents d'abord
sort-oldest = Plus anciens d'abord
sort-title = Titre
sort-confirmed = Dernière confirmation
confirmed-before = Confirmé avant le
confirmed-since = Confirmé depuis le
previous = Précédent
next = Suivant
page = Page
pagination = Pages de résultats
action-lines = Grandes orientations du SMSI
sdgs = Objectifs de développement durable
regions = Régions de l'UIT
countries = Pays
more-countries = Autres pays
stakeholder-type = Type de partie prenante
itu-entity = Entité de l'UIT
itu-entity-hint = Seulement pour un projet de l'UIT elle-même (type de partie prenante : organisation internationale).
scope = Portée
status = État d'avancement
start-year = Année de début
year-from = De
year-to = À
covid19 = Réponse à la COVID-19
covid-any = Tous
yes = Oui
no = Non
organization = Organisation
description = Description
title = Titre
website = Site web
start-date = Date de début
date-unknown = date inconnue
end-date = Date de fin
project-language = Langue du texte
published-on = Publié
related-projects = Projets apparentés
suggest-tags-button = Suggérer des grandes orientations et des ODD
suggested-tags = Suggestions d'après votre texte
suggested-tags-hint = Les suggestions sont cochées ci-dessous si vous n'aviez rien coché ; vérifiez-les avant d'envoyer.
filter-suggestion = Filtrer par
partial-match = Aucun projet ne contient tous vos mots ; ceux-ci en contiennent la plupart.
reason-keywords = Mots trouvés
reason-similar = Projets publiés semblables
reason-matrix = Matrice SMSI–ODD
search-same = Trouver les projets ayant la même étiquette
not-found = Page introuvable
not-found-text = Cette page ou ce projet n'existe pas, ou n'est pas publié.
bad-request = Impossible de répondre à cette requête
submit-heading = Soumettre un projet
answering-call = Vous répondez à l'appel
call-field = Appel à contributions
submit-intro = Décrivez votre projet TIC pour le développement. Le secrétariat du SMSI examine chaque soumission avant sa publication.
submit-button = Soumettre pour examen
required = obligatoire
contact = Contact (visible par le secrétariat uniquement)
contact-hint = Nous ne l'utilisons que pour des questions sur cette soumission.
contact-name = Nom
contact-email = Courriel
choose = Choisir…
countries-hint = Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.
countries-filter = Rechercher un pays
countries-pick-hint = Tapez pour réduire la liste, puis cochez chaque pays concerné.
countries-chosen = Choisis
countries-remove = Retirer { $name }
countries-none-match = Aucun pays ne correspond.
form-has-errors = Veuillez corriger les champs signalés ci-dessous.
submitted-heading = Merci : votre projet a été soumis
submitted-text = Le secrétariat va l'examiner. Conservez ce lien privé : il vous permet de voir votre soumission, de lire les messages du secrétariat, de la réviser ou de la retirer.
edit-link = Votre lien privé
edit-link-hint = Toute personne disposant de ce lien peut modifier votre soumission ; ne le partagez pas.
your-submission = Votre soumission
state = État
version = Version
messages = Messages du secrétariat
no-messages = Aucun message pour l'instant.
revise-heading = Réviser votre soumission
revise-button = Enregistrer la révision
current-heading = Est-il à jour ?
current-hint = Si votre projet est toujours décrit correctement, dites-le : le secrétariat voit la date de votre confirmation.
current-button = Confirmer qu’il est à jour
withdraw-heading = Retirer votre soumission
withdraw-button = Retirer
waiting-revision = Votre révision attend le secrétariat ; le texte publié reste en place jusqu'à son approbation.
done = Enregistré.
public-page = Voir la page publique de votre projet
withdraw-hint = Le retrait est définitif : le projet cesse d'être public et ne peut plus être révisé.
withdraw-confirm = Oui, retirer ce projet
withdraw-unconfirmed = Rien n'a été retiré : cochez « Oui, retirer ce projet » pour confirmer.
withdrawn-notice = Ce projet a été retiré et n'est plus public.
changed-heading = Modifié pendant votre saisie
changed-intro = Quelqu'un a enregistré une nouvelle version de ce projet après l'ouverture de cette page. Votre texte n'a pas encore été enregistré : il est conservé dans le formulaire ci-dessous.
changed-apply = Enregistrer de nouveau le formulaire applique votre texte à la version actuelle et remplace les valeurs enregistrées entre-temps, affichées ici.
changed-none = Aucun champ n'a changé entre-temps ; seul l'état du projet a changé.
saved-meanwhile = Enregistré entre-temps
your-text = Votre texte
empty-value = (vide)
stats-heading = Statistiques
stats-intro = Projets publiés comptés par étiquette, selon les filtres ci-dessous.
by-action-line-region = Grandes orientations par région de l'UIT
total = Total
table = Tableau
footer = Inventaire du SMSI : projets TIC pour le développement de toutes les parties prenantes.

## The secretariat's pages: sign-in, moderation desk, selection builder

desk-signed-in-as = Connecté en tant que
desk-read-only = lecture seule
desk-moderation-queue = File de modération
desk-selections = Sélections
desk-calls = Appels
desk-sign-out = Se déconnecter
desk-queue-empty = Rien n'attend d'examen.
desk-new-submission = Nouvelle soumission
desk-revision = Révision d'un projet publié
desk-waiting-since = en attente depuis
desk-contact = Contact
desk-duplicates = Doublons possibles
desk-all-fields = Tous les champs
desk-publish = Publier
desk-message-label = Message à l'auteur
desk-request-changes = Demander des modifications
desk-reason-label = Motif du refus
desk-reject = Refuser
desk-key-label = Clé du secrétariat
desk-key-hint = Créée avec : stocktaking keys create --name NOM
desk-sign-in = Se connecter
desk-bad-key = Cette clé n'est pas valide.
desk-kind = Type
desk-title = Titre
desk-projects = Projets
desk-published = Publiée
desk-new-selection = Nouvelle sélection
desk-create = Créer
desk-theme = Thème ou résumé
desk-date = Date (sessions TalkX)
desk-category = Catégorie des Prix (listes des Prix)
desk-year = Année des Prix (listes des Prix)
desk-public-page = page publique
desk-not-published = non publiée
desk-export = exporter
desk-gone = ce projet n'est plus public
desk-note = Note publique (affichée sur la page de la sélection)
desk-move-up = Monter
desk-move-down = Descendre
desk-remove = Retirer
desk-add-projects = Ajouter des projets
desk-search-published = Rechercher des projets publiés
desk-add = Ajouter
desk-description = Description
desk-published-check = Publiée (le public peut la lire)
desk-save = Enregistrer
desk-unpublished = Dépubliée
desk-changes-heading = Modifications par rapport au texte publié
desk-filter-legend = Filtrer la file
desk-show = Afficher
desk-everything-waiting = Tout ce qui attend
desk-revisions-waiting = Révisions en attente
desk-text-contains = Le titre ou l'organisation contient
desk-action-line = Grande orientation
desk-any = Toutes
desk-apply-filter = Filtrer
desk-nothing-matches = Rien ne correspond.
desk-unpublish = Dépublier
desk-unpublish-reason = Motif de la dépublication (la personne qui a soumis le projet le verra)
desk-unpublish-confirm = Je confirme : retirer ce projet de la vue du public
desk-unpublish-hint = Il retourne à la personne qui l'a soumis pour modifications et quitte aussitôt la recherche.
desk-kind-name = { $kind ->
    [talkx] Session WSIS TalkX
    [prizes_shortlist] Liste restreinte des Prix du SMSI
    [report] Chapitre du rapport d'inventaire
   *[collection] Collection
}

## The public selection pages

selections-selections = Sélections
selections-intro = Projets choisis par le secrétariat du SMSI : sessions WSIS TalkX, listes restreintes des Prix du SMSI et chapitres du rapport d'inventaire.
selections-kind = Type
selections-all-kinds = Tous les types
selections-year = Année
selections-all-years = Toutes les années
selections-show = Afficher
selections-by-kind = Sélections par type
selections-shown = Sélections affichées :
selections-projects = Projets :
selections-none-yet = Aucune sélection n'a encore été publiée.
selections-none-match = Aucune sélection publiée ne correspond à ce filtre.
selections-all-selections = Toutes les sélections
selections-in-selections = Dans les sélections
selections-gone = Ce projet n'est plus public.
selections-kind-names = { $kind ->
    [talkx] Sessions WSIS TalkX
    [prizes_shortlist] Listes restreintes des Prix du SMSI
    [report] Chapitres du rapport d'inventaire
   *[collection] Collections
}

## Noms des langues

language-name = { $code ->
    [ar] arabe
    [zh] chinois
   *[en] anglais
    [fr] français
    [ru] russe
    [es] espagnol
}

## Erreurs des formulaires : après le libellé du champ et deux-points

error-required = ce champ est obligatoire
error-required-countries = choisissez au moins un pays, sauf si la portée est internationale
error-required-action-lines = choisissez au moins une grande orientation
error-required-sdgs = choisissez au moins un ODD
error-too-short = écrivez au moins { $min } { $min ->
    [one] caractère
   *[other] caractères
} ; ce texte en a { $chars }
error-too-long = écrivez au plus { $max } { $max ->
    [one] caractère
   *[other] caractères
} ; ce texte en a { $chars }
error-invalid-date = écrivez une date entre 1900 et 2100 sous la forme année-mois-jour, par exemple 2024-03-31
error-invalid-date-range = la date de fin précède la date de début
error-invalid-url = écrivez une adresse web complète commençant par https:// ou http://
error-invalid-email = écrivez une adresse électronique, par exemple nom@exemple.org
error-duplicate-value = une valeur est choisie deux fois
error-control-character = supprimez les caractères de contrôle invisibles
error-line-break = écrivez-le sur une seule ligne
error-unbalanced-bidi = supprimez les marques de direction du texte non appariées
error-invalid-value-category = seules les listes restreintes des Prix et les chapitres du rapport ont une catégorie
error-invalid-value-year = écrivez une année entre 2000 et 2100
error-call-closed = cet appel à contributions est clos ; renvoyez le formulaire pour soumettre votre projet sans lui
error-call-not-open = cet appel à contributions n'est pas encore ouvert ; renvoyez le formulaire pour soumettre votre projet sans lui
error-unknown-call = cet appel à contributions n'existe pas ; renvoyez le formulaire pour soumettre votre projet sans lui
error-call-not-for-submissions = cet appel demande la mise à jour de projets publiés, pas de nouveaux projets ; renvoyez le formulaire pour soumettre votre projet sans lui
error-invalid-combination-itu-entity = seul un projet de l'UIT elle-même indique une entité de l'UIT : choisissez le type « organisation internationale », ou laissez ce champ vide
error-invalid = cette valeur n'est pas acceptée

## Le constructeur de sélections du secrétariat

desk-already-added = Déjà dans cette sélection
desk-save-notes = Enregistrer les notes
desk-used-by = Utilisé par
desk-kind-fields-hint = Chaque type utilise certains de ces champs ; les autres restent vides.
desk-order-hint = Faites glisser un projet par sa poignée pour changer l'ordre, ou utilisez Monter et Descendre.
desk-drag-handle = Glisser pour réordonner
desk-order-saved = Le nouvel ordre est enregistré.
desk-order-not-saved = Le nouvel ordre n'a pas pu être enregistré. Rechargez la page et réessayez.
desk-changed-meanwhile = La sélection a changé entre-temps : rien n'a été enregistré. La voici telle qu'elle est maintenant.
desk-category-only = Seuls les projets marqués { $line } sont listés : cette sélection n'en accepte pas d'autres.
desk-decision-changed-meanwhile = Modifié entre-temps, donc aucune décision prise (son auteur l'a révisé, ou quelqu'un d'autre a décidé avant vous)
desk-reject-confirm = Je confirme le refus de ce projet
desk-reject-unconfirmed = Cochez la case pour confirmer le refus.
desk-unpublish-unconfirmed = Cochez la case pour confirmer la dépublication.
desk-saved = Enregistré.
error-wrong-category = cette sélection n'accepte que les projets marqués de sa catégorie
error-not-published = seuls les projets publiés peuvent être ajoutés

## Pages d’erreur

page-error-bad-parameter = La valeur de « { $name } » dans l’adresse ne peut pas être utilisée ici. Revenez en arrière ou repartez de la page de recherche.
page-error-unauthorized = Connectez-vous pour voir cette page.
page-error-forbidden = Ce formulaire a expiré ou ne provient pas de ce site. Revenez en arrière, rechargez la page et réessayez.
page-error-conflict = Cela a changé entre-temps. Rechargez la page pour le voir tel qu’il est maintenant, puis réessayez.
page-error-retry = Trop de demandes à la fois. Réessayez dans { $seconds } { $seconds ->
    [one] seconde
   *[other] secondes
}.
page-error-unavailable = Un problème est survenu de notre côté. Veuillez réessayer plus tard.
page-error-method = Cette adresse n’accepte pas ce type de demande.

## Comptes : connexion par lien envoyé par courriel, « Mes projets »

nav-account = Mes projets
account-heading = Mes projets
account-intro = Connectez-vous avec l'adresse électronique indiquée comme contact de vos projets. Nous vous envoyons un lien valable une fois, pendant 15 minutes. Aucun mot de passe.
account-email = Adresse électronique
account-send-link = M'envoyer un lien de connexion
account-sent-heading = Consultez votre messagerie
account-sent-text = Si l'adresse est valide, un lien de connexion vient d'y être envoyé. Il fonctionne une fois, pendant 15 minutes.
account-confirm-heading = Connexion
account-confirm-text = Connectez-vous pour voir les projets de votre adresse électronique.
account-confirm-button = Se connecter
account-link-refused = Ce lien de connexion est inconnu, déjà utilisé ou expiré. Demandez-en un nouveau ci-dessous.
account-signed-in-as = Connecté en tant que
account-sign-out = Se déconnecter
account-none = Aucun projet n'a encore cette adresse comme contact.
account-state = État
account-updated = Dernière modification
account-open = Ouvrir, réviser ou retirer
account-public-page = Page publique
account-messages = Messages du secrétariat
account-bad-email = Saisissez une adresse électronique, par exemple nom@example.org.
account-signed-out = Vous êtes déconnecté.

## Courriels

mail-greeting = Bonjour,
mail-signature = Le secrétariat du WSIS Stocktaking
mail-project-link = Votre projet
mail-my-projects = Mes projets
mail-private-link = Votre lien privé (conservez-le)
mail-their-message = Message du secrétariat :
mail-submitted-subject = Nous avons reçu votre projet « { $title } »
mail-submitted-body = Merci. Le secrétariat va examiner votre projet « { $title } ». Tant qu'il n'est pas publié, vous seul pouvez le voir, grâce à votre lien privé ci-dessous. Vous pouvez aussi vous connecter avec cette adresse dans « Mes projets ».
mail-published-subject = « { $title } » est publié
mail-published-body = Votre projet « { $title } » est désormais public dans la base de données WSIS Stocktaking.
mail-changes-subject = Modifications demandées pour « { $title } »
mail-changes-body = Le secrétariat vous demande de réviser votre projet « { $title } » avant sa publication.
mail-rejected-subject = « { $title } » n'a pas été accepté
mail-rejected-body = Le secrétariat n'a pas accepté votre projet « { $title } ».
mail-revision-published-subject = Vos modifications de « { $title } » sont publiées
mail-revision-published-body = Le secrétariat a publié votre révision de « { $title } ».
mail-revision-rejected-subject = Vos modifications de « { $title } » n'ont pas été acceptées
mail-revision-rejected-body = Le secrétariat n'a pas accepté votre révision de « { $title } » ; la version publiée reste en ligne.
mail-unpublished-subject = « { $title } » a été retiré de la vue publique
mail-unpublished-body = Le secrétariat a retiré votre projet « { $title } » de la vue publique. Révisez-le pour qu'il soit publié de nouveau.
mail-sign-in-subject = Votre lien de connexion au WSIS Stocktaking
mail-sign-in-body = Utilisez ce lien dans les 15 minutes pour vous connecter et voir vos projets. Il ne fonctionne qu'une fois. Si vous ne l'avez pas demandé, ignorez ce message.
mail-sign-in-link = Se connecter

## Appels à contributions

calls-heading = Appels à contributions
calls-open = Appels ouverts
calls-past = Appels clos
calls-none-open = Aucun appel n'est ouvert actuellement.
calls-none-past = Aucun appel n'est encore clos.
calls-opens = Ouverture
calls-closes = Date limite
calls-extended = Date limite modifiée
calls-submissions = Contributions
calls-kind-stocktaking = Rapport de l'inventaire du SMSI
calls-kind-covid19 = Répertoire de cas TIC COVID-19
calls-kind-prizes = Prix du SMSI
calls-kind-update = Demande de mise à jour
calls-answer = Soumettre un projet pour cet appel
mail-update-subject = Merci de vérifier votre projet « { $title } »
mail-update-body = Le secrétariat du SMSI demande aux auteurs des projets publiés de vérifier que leurs fiches sont toujours exactes. Ouvrez votre projet « { $title } », puis confirmez qu'il est à jour ou révisez-le.
mail-update-reminder-subject = Rappel : merci de vérifier votre projet « { $title } »
mail-update-reminder-body = Nous n'avons pas encore reçu de réponse. Ouvrez votre projet « { $title } », puis confirmez qu'il est à jour ou révisez-le.

## The secretariat's calls and update requests
updesk-calls = Appels
updesk-calls-intro = La page de chaque appel montre ses demandes de mise à jour : un appel de mise à jour demande aux contacts des projets publiés de revoir leurs fiches.
updesk-none = Aucun appel pour l'instant.
updesk-round = Demandes de mise à jour
updesk-requested = Demandées
updesk-updated = Mis à jour
updesk-confirmed = Confirmés sans changement
updesk-no-answer = Sans réponse
updesk-project = Projet
updesk-asked-on = Demandée le
updesk-reminders = Rappels
updesk-answer = Réponse
updesk-ask-heading = Demander des mises à jour
updesk-ask-hint = Les contacts des projets publiés qui passent ces filtres, et qui n'ont été ni confirmés ni modifiés depuis la date, sont sollicités une fois dans cet appel.
updesk-unconfirmed-since = Non confirmés depuis le
updesk-ask-button = Envoyer les demandes
updesk-remind-button = Relancer ceux qui n'ont pas répondu
updesk-sent = Messages en file :
updesk-closed = Cet appel est clos : il n'envoie plus de demandes ni de rappels.
updesk-not-update = Cet appel demande de nouvelles contributions, pas des mises à jour.
updesk-is-open = ouvert
updesk-is-closed = clos
submit-call-closed = L'appel « { $title } » est clos depuis le { $date }. Vous pouvez toujours soumettre votre projet : il ne répondra pas à cet appel.
submit-call-not-open = L'appel « { $title } » ouvre le { $date }. Vous pouvez soumettre votre projet dès maintenant sans lui, ou revenir à cette date.
