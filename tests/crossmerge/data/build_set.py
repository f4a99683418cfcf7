"""Writes articles.jsonl and gold.jsonl of the French multi-article merge test set.

Every article below was written for chronique from public facts of a real event (or of
a distractor: the same kind of event on a nearby date or place, the same parties on
another day), each in its own words, as different outlets would tell it. ``event`` is
the gold key of the real-world event the article is about; ``type`` its PLOVER type.
Run: python tests/crossmerge/data/build_set.py (the two .jsonl files are committed).
"""

import json
from pathlib import Path

HERE = Path(__file__).parent

# (id, event key, PLOVER type, published, outlet, title, text)
ARTICLES = [
    # --- E1 Nice, basilique Notre-Dame, 29 octobre 2020
    ("nice-1", "nice-basilique", "ASSAULT", "2020-10-29T12:30:00+01:00", "AFP",
     "Attaque au couteau dans une église de Nice : trois morts",
     "Un homme armé d'un couteau a tué trois personnes jeudi 29 octobre dans la basilique Notre-Dame de Nice, "
     "a indiqué la police. L'assaillant, blessé par les policiers municipaux, a été interpellé sur place. "
     "Le parquet national antiterroriste a été saisi."),
    ("nice-2", "nice-basilique", "ASSAULT", "2020-10-29T18:00:00+01:00", "Le Monde",
     "Nice : trois personnes tuées dans la basilique Notre-Dame",
     "Jeudi matin, un assaillant a attaqué au couteau les fidèles de la basilique Notre-Dame, avenue Jean-Médecin "
     "à Nice, tuant deux femmes et le sacristain. Le maire Christian Estrosi a parlé d'un acte terroriste. "
     "L'agresseur, un Tunisien de 21 ans, a été blessé par balle lors de son arrestation."),
    ("nice-3", "nice-basilique", "ASSAULT", "2020-10-30T07:00:00+01:00", "Nice-Matin",
     "Attentat de la basilique : la ville sous le choc",
     "Au lendemain de l'attaque qui a fait trois morts jeudi dans la basilique Notre-Dame de Nice, les Niçois "
     "déposent des fleurs devant l'église. Selon le procureur antiterroriste, l'assaillant a frappé les victimes "
     "avec un couteau de 17 centimètres."),
    # distractor: same day, same kind of event, another city
    ("avignon-1", "montfavet-police", "ASSAULT", "2020-10-29T16:00:00+01:00", "France Bleu Vaucluse",
     "Montfavet : un homme armé abattu par la police",
     "Un homme qui menaçait des passants avec une arme de poing a été abattu par les policiers jeudi 29 octobre "
     "à Montfavet, près d'Avignon, a indiqué le parquet d'Avignon."),

    # --- E2 Strasbourg, marché de Noël, 11 décembre 2018
    ("strasbourg-1", "strasbourg-marche", "ASSAULT", "2018-12-11T23:30:00+01:00", "AFP",
     "Fusillade près du marché de Noël de Strasbourg : deux morts",
     "Un homme a ouvert le feu mardi soir près du marché de Noël de Strasbourg, tuant deux personnes et en "
     "blessant onze, selon la préfecture du Bas-Rhin. Le tireur, fiché S, est en fuite."),
    ("strasbourg-2", "strasbourg-marche", "ASSAULT", "2018-12-12T08:00:00+01:00", "Le Figaro",
     "Strasbourg : le bilan de la fusillade s'alourdit à trois morts",
     "La fusillade survenue mardi 11 décembre dans le centre de Strasbourg a fait trois morts et treize blessés, "
     "a annoncé le ministre de l'Intérieur Christophe Castaner. L'assaillant, Chérif Chekatt, a tiré sur les "
     "passants près du marché de Noël."),
    ("strasbourg-3", "strasbourg-marche", "ASSAULT", "2018-12-12T12:00:00+01:00", "Dernières Nouvelles d'Alsace",
     "Attaque du marché de Noël : la traque de Chérif Chekatt continue",
     "Le tireur qui a attaqué mardi soir des passants au marché de Noël de Strasbourg, tuant trois personnes, "
     "est toujours recherché par 350 policiers et gendarmes, a indiqué le procureur de Paris Rémy Heitz."),

    # --- E3 arrestation de Salah Abdeslam, Molenbeek, 18 mars 2016
    ("abdeslam-1", "abdeslam-arrest", "COERCE", "2016-03-18T19:00:00+01:00", "AFP",
     "Salah Abdeslam arrêté à Molenbeek",
     "Salah Abdeslam, le suspect clé des attentats du 13 novembre, a été arrêté vendredi 18 mars à Molenbeek, "
     "à Bruxelles, lors d'une opération de la police belge, a annoncé le parquet fédéral."),
    ("abdeslam-2", "abdeslam-arrest", "COERCE", "2016-03-19T08:00:00+01:00", "Le Soir",
     "La fin de quatre mois de cavale pour Salah Abdeslam",
     "Les policiers belges ont interpellé vendredi après-midi Salah Abdeslam rue des Quatre-Vents à Molenbeek, "
     "après quatre mois de fuite. Blessé à la jambe, il a été hospitalisé puis placé en détention."),
    ("abdeslam-3", "abdeslam-arrest", "COERCE", "2016-03-18T21:00:00+01:00", "Libération",
     "Molenbeek : Abdeslam capturé vivant",
     "Salah Abdeslam a été capturé vivant vendredi à Molenbeek, à Bruxelles, par les forces de police belges, "
     "a confirmé le Premier ministre Charles Michel lors d'une conférence de presse avec François Hollande."),
    # distractor: another arrest, same city, three weeks later
    ("abrini-1", "abrini-arrest", "COERCE", "2016-04-08T20:00:00+02:00", "RTBF",
     "Mohamed Abrini arrêté à Anderlecht",
     "Mohamed Abrini, l'homme au chapeau de l'aéroport de Zaventem, a été arrêté vendredi 8 avril à Anderlecht, "
     "à Bruxelles, par la police belge, a annoncé le parquet fédéral."),

    # --- E4 Macron reçoit Poutine à Brégançon, 19 août 2019
    ("bregancon-1", "bregancon", "CONSULT", "2019-08-19T20:00:00+02:00", "AFP",
     "Macron reçoit Poutine au fort de Brégançon",
     "Emmanuel Macron a reçu lundi 19 août Vladimir Poutine au fort de Brégançon, dans le Var, pour parler de "
     "l'Ukraine, de la Syrie et de l'Iran, avant le sommet du G7 de Biarritz."),
    ("bregancon-2", "bregancon", "CONSULT", "2019-08-20T07:00:00+02:00", "Le Parisien",
     "À Brégançon, Macron et Poutine affichent leur dialogue",
     "Le président français et son homologue russe se sont rencontrés lundi au fort de Brégançon. "
     "Vladimir Poutine a rencontré Emmanuel Macron pendant près de trois heures."),
    ("bregancon-3", "bregancon", "CONSULT", "2019-08-19T22:00:00+02:00", "RFI",
     "Poutine à Brégançon : dialogue sur l'Ukraine",
     "Le chef de l'État a rencontré Vladimir Poutine lundi dans sa résidence d'été de Bormes-les-Mimosas, "
     "a indiqué l'Élysée. Emmanuel Macron a plaidé pour un nouveau sommet sur l'Ukraine."),
    # distractor: the same parties, two years earlier
    ("versailles-1", "versailles-2017", "CONSULT", "2017-05-29T19:00:00+02:00", "AFP",
     "Macron reçoit Poutine à Versailles",
     "Emmanuel Macron a reçu lundi 29 mai Vladimir Poutine au château de Versailles, pour leur première rencontre "
     "depuis son élection."),

    # --- E5 gilets jaunes, 17 novembre 2018
    ("gj-1", "gilets-jaunes-17nov", "PROTEST", "2018-11-17T20:00:00+01:00", "AFP",
     "Gilets jaunes : 282 000 manifestants dans toute la France",
     "Quelque 282 000 personnes ont manifesté samedi 17 novembre dans toute la France contre la hausse des prix "
     "des carburants, selon le ministère de l'Intérieur. Une manifestante a été tuée en Savoie."),
    ("gj-2", "gilets-jaunes-17nov", "PROTEST", "2018-11-18T08:00:00+01:00", "Ouest-France",
     "Les gilets jaunes ont bloqué routes et ronds-points",
     "Samedi, des milliers de gilets jaunes ont bloqué routes, péages et ronds-points dans toute la France pour "
     "protester contre la hausse des taxes sur le carburant. Le ministère de l'Intérieur a compté 282 000 "
     "manifestants."),
    ("gj-3", "gilets-jaunes-17nov", "PROTEST", "2018-11-17T23:00:00+01:00", "France Info",
     "Journée de mobilisation des gilets jaunes",
     "Des gilets jaunes ont manifesté ce samedi 17 novembre sur plus de 2 000 sites en France contre la hausse "
     "du prix du carburant, a indiqué Christophe Castaner."),
    # distractor: same movement, a week later, Paris
    ("gj-acte2", "gilets-jaunes-24nov", "PROTEST", "2018-11-24T20:00:00+01:00", "AFP",
     "Acte 2 des gilets jaunes : heurts sur les Champs-Élysées",
     "Environ 106 000 gilets jaunes ont manifesté samedi 24 novembre en France, dont 8 000 à Paris où des heurts "
     "ont éclaté sur les Champs-Élysées, selon le ministère de l'Intérieur."),

    # --- E6 retraites, 19 janvier 2023
    ("retraites-1", "retraites-19jan", "PROTEST", "2023-01-19T20:00:00+01:00", "AFP",
     "Retraites : 1,12 million de manifestants selon l'Intérieur",
     "Plus de 1,12 million de personnes ont manifesté jeudi 19 janvier en France contre la réforme des retraites, "
     "selon le ministère de l'Intérieur. La CGT a revendiqué plus de deux millions de manifestants."),
    ("retraites-2", "retraites-19jan", "PROTEST", "2023-01-19T21:00:00+01:00", "L'Humanité",
     "Deux millions dans la rue contre la réforme des retraites",
     "Plus de deux millions de manifestants ont défilé jeudi dans toute la France contre le report de l'âge de "
     "départ à la retraite, a annoncé la CGT."),
    ("retraites-3", "retraites-19jan", "PROTEST", "2023-01-20T07:00:00+01:00", "Le Figaro",
     "Réforme des retraites : une mobilisation massive",
     "Jeudi 19 janvier, 1,12 million de manifestants ont défilé contre la réforme des retraites, dont 80 000 à "
     "Paris, selon les chiffres du ministère de l'Intérieur."),
    # distractor: the same unions, twelve days later
    ("retraites-31jan", "retraites-31jan", "PROTEST", "2023-01-31T20:00:00+01:00", "AFP",
     "Retraites : 1,27 million de manifestants le 31 janvier",
     "Quelque 1,27 million de personnes ont manifesté mardi 31 janvier en France contre la réforme des retraites, "
     "selon le ministère de l'Intérieur."),

    # --- E7 Kramatorsk, 8 avril 2022
    ("kramatorsk-1", "kramatorsk", "ASSAULT", "2022-04-08T14:00:00+02:00", "AFP",
     "Ukraine : une frappe sur la gare de Kramatorsk fait 39 morts",
     "Une frappe de missile a tué au moins 39 personnes vendredi 8 avril à la gare de Kramatorsk, dans l'est de "
     "l'Ukraine, où des civils attendaient d'être évacués, selon les autorités ukrainiennes."),
    ("kramatorsk-2", "kramatorsk", "ASSAULT", "2022-04-09T08:00:00+02:00", "Le Monde",
     "Kramatorsk : le bilan de la frappe sur la gare monte à 50 morts",
     "Le missile russe qui a frappé vendredi la gare de Kramatorsk a tué 50 personnes, dont cinq enfants, a "
     "annoncé le gouverneur de la région de Donetsk, Pavlo Kyrylenko."),
    ("kramatorsk-3", "kramatorsk", "ASSAULT", "2022-04-08T19:00:00+02:00", "France 24",
     "Frappe sur la gare de Kramatorsk : Moscou dément",
     "L'armée russe a bombardé vendredi la gare de Kramatorsk, tuant des dizaines de civils, a accusé Kiev. "
     "Le ministère russe de la Défense a démenti toute frappe sur Kramatorsk."),
    # distractor: same war, ten days later, another city
    ("lviv-1", "lviv-18apr", "ASSAULT", "2022-04-18T15:00:00+02:00", "AFP",
     "Des frappes russes font sept morts à Lviv",
     "Des missiles russes ont frappé lundi 18 avril la ville de Lviv, dans l'ouest de l'Ukraine, tuant sept "
     "personnes, selon le gouverneur régional."),

    # --- E8 Kaboul, aéroport, 26 août 2021
    ("kaboul-1", "kaboul-aeroport", "ASSAULT", "2021-08-26T22:00:00+02:00", "AFP",
     "Double attentat à l'aéroport de Kaboul",
     "Deux explosions ont frappé jeudi 26 août les abords de l'aéroport de Kaboul, tuant au moins 60 Afghans et "
     "13 soldats américains. Le groupe État islamique a revendiqué l'attentat."),
    ("kaboul-2", "kaboul-aeroport", "ASSAULT", "2021-08-27T09:00:00+02:00", "RFI",
     "Attentat-suicide de Kaboul : plus de 170 morts",
     "L'attentat-suicide commis jeudi près de l'aéroport de Kaboul a fait plus de 170 morts, selon un responsable "
     "afghan. Un kamikaze de l'État islamique au Khorasan s'est fait exploser près de la porte d'Abbey."),
    ("kaboul-3", "kaboul-aeroport", "ASSAULT", "2021-08-27T07:00:00+02:00", "Le Figaro",
     "Kaboul : l'État islamique frappe l'aéroport",
     "Un kamikaze s'est fait exploser jeudi soir près de l'aéroport de Kaboul, au milieu de la foule qui tentait "
     "de fuir l'Afghanistan, tuant 13 militaires américains et des dizaines de civils, a indiqué le Pentagone."),

    # --- E9 Conflans-Sainte-Honorine, 16 octobre 2020
    ("paty-1", "paty", "ASSAULT", "2020-10-16T23:00:00+02:00", "AFP",
     "Un professeur décapité à Conflans-Sainte-Honorine",
     "Un professeur d'histoire-géographie a été décapité vendredi 16 octobre près de son collège à "
     "Conflans-Sainte-Honorine, dans les Yvelines. L'assaillant a été abattu par la police."),
    ("paty-2", "paty", "ASSAULT", "2020-10-17T08:00:00+02:00", "Le Parisien",
     "Samuel Paty assassiné près de son collège",
     "Samuel Paty, enseignant au collège du Bois-d'Aulne, a été tué vendredi après-midi à Conflans-Sainte-Honorine "
     "par un jeune homme de 18 ans, a annoncé le parquet national antiterroriste."),

    # --- E10 Trèbes, 23 mars 2018
    ("trebes-1", "trebes", "ASSAULT", "2018-03-23T18:00:00+01:00", "AFP",
     "Prise d'otages dans un supermarché de Trèbes : trois morts",
     "Un homme armé a tué trois personnes vendredi 23 mars à Carcassonne et dans un supermarché de Trèbes, dans "
     "l'Aude, avant d'être abattu par les gendarmes, a annoncé le Premier ministre Édouard Philippe."),
    ("trebes-2", "trebes", "ASSAULT", "2018-03-24T09:00:00+01:00", "La Dépêche",
     "Trèbes : le lieutenant-colonel Beltrame a succombé",
     "Le gendarme Arnaud Beltrame, qui s'était échangé contre une otage vendredi au Super U de Trèbes, est mort "
     "de ses blessures, portant le bilan de l'attaque à quatre morts, a annoncé le ministre de l'Intérieur."),

    # --- E11 frappes occidentales en Syrie, 14 avril 2018
    ("syrie-1", "syrie-14avr", "ASSAULT", "2018-04-14T06:00:00+02:00", "AFP",
     "Frappes américaines, françaises et britanniques en Syrie",
     "Les États-Unis, la France et le Royaume-Uni ont frappé samedi 14 avril des sites du programme d'armes "
     "chimiques du régime syrien, près de Damas et de Homs, a annoncé Donald Trump."),
    ("syrie-2", "syrie-14avr", "ASSAULT", "2018-04-14T09:00:00+02:00", "Le Monde",
     "La France a participé aux frappes contre le régime syrien",
     "L'armée française a tiré des missiles de croisière dans la nuit de vendredi à samedi contre des sites "
     "chimiques du régime de Bachar Al-Assad en Syrie, a annoncé Emmanuel Macron."),
    ("syrie-3", "syrie-14avr", "ASSAULT", "2018-04-14T12:00:00+02:00", "RFI",
     "Syrie : 103 missiles tirés, selon Moscou",
     "Les frappes occidentales de samedi en Syrie ont visé le centre de recherche de Barzeh, à Damas, et deux "
     "sites près de Homs. Le ministère russe de la Défense affirme que la défense syrienne a intercepté 71 "
     "des 103 missiles."),
    # distractor: same target country, a year earlier
    ("shayrat-1", "shayrat-2017", "ASSAULT", "2017-04-07T08:00:00+02:00", "AFP",
     "Les États-Unis frappent une base aérienne syrienne",
     "Les États-Unis ont tiré 59 missiles de croisière vendredi 7 avril sur la base aérienne syrienne d'Al-Chaayrate, "
     "près de Homs, en représailles à une attaque chimique, a annoncé le Pentagone."),

    # --- E12 arrestation de Julian Assange, 11 avril 2019
    ("assange-1", "assange-arrest", "COERCE", "2019-04-11T13:00:00+02:00", "AFP",
     "Julian Assange arrêté à Londres",
     "Le fondateur de WikiLeaks, Julian Assange, a été arrêté jeudi 11 avril par la police britannique à "
     "l'ambassade d'Équateur à Londres, où il était réfugié depuis 2012."),
    ("assange-2", "assange-arrest", "COERCE", "2019-04-11T19:00:00+02:00", "France 24",
     "Assange interpellé après sept ans à l'ambassade d'Équateur",
     "La police de Londres a interpellé jeudi Julian Assange dans l'ambassade équatorienne, après que Quito lui a "
     "retiré l'asile, a annoncé Scotland Yard."),

    # --- E13 Macron, Scholz et Draghi à Kiev, 16 juin 2022
    ("kiev-1", "kiev-visite", "CONSULT", "2022-06-16T12:00:00+02:00", "AFP",
     "Macron, Scholz et Draghi à Kiev",
     "Emmanuel Macron, Olaf Scholz et Mario Draghi sont arrivés jeudi 16 juin à Kiev, où ils ont rencontré "
     "Volodymyr Zelensky, a indiqué l'Élysée."),
    ("kiev-2", "kiev-visite", "CONSULT", "2022-06-16T19:00:00+02:00", "Le Monde",
     "À Kiev, les dirigeants européens soutiennent la candidature ukrainienne",
     "Volodymyr Zelensky a reçu jeudi à Kiev le président français, le chancelier allemand et le président du "
     "Conseil italien, rejoints par le président roumain Klaus Iohannis."),
    ("kiev-3", "kiev-visite", "CONSULT", "2022-06-17T07:00:00+02:00", "Les Échos",
     "Visite historique à Kiev",
     "Le chef de l'État a rencontré Volodymyr Zelensky jeudi à Kiev avec Olaf Scholz et Mario Draghi, après "
     "une visite à Irpin."),

    # --- E14 Inates, Niger, 10 décembre 2019
    ("inates-1", "inates", "ASSAULT", "2019-12-11T20:00:00+01:00", "AFP",
     "Niger : 71 soldats tués dans l'attaque d'Inates",
     "Soixante et onze soldats nigériens ont été tués mardi 10 décembre dans l'attaque du camp militaire d'Inates, "
     "près de la frontière malienne, a annoncé le ministère nigérien de la Défense."),
    ("inates-2", "inates", "ASSAULT", "2019-12-12T09:00:00+01:00", "RFI",
     "Attaque d'Inates : l'État islamique revendique",
     "Le groupe État islamique a revendiqué l'attaque contre le camp d'Inates, dans l'ouest du Niger, où des "
     "centaines de jihadistes ont tué 71 militaires mardi."),
    # distractor: same parties, a month later, another camp
    ("chinagodrar-1", "chinagodrar", "ASSAULT", "2020-01-13T20:00:00+01:00", "AFP",
     "Niger : 89 soldats tués à Chinagodrar",
     "Quatre-vingt-neuf soldats nigériens ont été tués jeudi 9 janvier dans l'attaque du camp de Chinagodrar, dans "
     "l'ouest du Niger, a indiqué une source sécuritaire."),

    # --- E15 Arras, lycée Gambetta, 13 octobre 2023
    ("arras-1", "arras", "ASSAULT", "2023-10-13T14:00:00+02:00", "AFP",
     "Attaque au couteau dans un lycée d'Arras : un professeur tué",
     "Un professeur de français, Dominique Bernard, a été tué vendredi 13 octobre dans une attaque au couteau "
     "au lycée Gambetta d'Arras. L'assaillant, un ancien élève, a été interpellé."),
    ("arras-2", "arras", "ASSAULT", "2023-10-13T20:00:00+02:00", "La Voix du Nord",
     "Arras : un enseignant poignardé à mort devant son lycée",
     "Un ancien élève a poignardé à mort vendredi matin un enseignant du lycée Gambetta-Carnot d'Arras et blessé "
     "trois autres personnes, selon le parquet national antiterroriste."),
    # distractor: three days later, another country
    ("bruxelles-2023", "bruxelles-16oct", "ASSAULT", "2023-10-17T07:00:00+02:00", "Le Soir",
     "Fusillade à Bruxelles : deux supporters suédois tués",
     "Un homme armé a tué deux supporters suédois lundi 16 octobre au soir boulevard d'Ypres à Bruxelles, avant "
     "de prendre la fuite, a annoncé le parquet fédéral."),

    # --- E16 Sainte-Soline, 25 mars 2023
    ("soline-1", "sainte-soline", "PROTEST", "2023-03-25T20:00:00+01:00", "AFP",
     "Sainte-Soline : violents heurts autour de la bassine",
     "Plusieurs milliers de manifestants opposés aux mégabassines ont affronté les gendarmes samedi 25 mars à "
     "Sainte-Soline, dans les Deux-Sèvres. Les organisateurs ont compté 30 000 manifestants, la préfecture 6 000."),
    ("soline-2", "sainte-soline", "PROTEST", "2023-03-26T09:00:00+02:00", "Reporterre",
     "À Sainte-Soline, la manifestation contre les bassines réprimée",
     "Samedi, 30 000 personnes ont manifesté à Sainte-Soline contre la construction d'une réserve d'eau, selon "
     "les organisateurs. Les gendarmes ont tiré des milliers de grenades."),

    # --- E17 Biden et Macron à Rome, 29 octobre 2021
    ("rome-1", "rome-biden", "CONSULT", "2021-10-29T20:00:00+02:00", "AFP",
     "Biden et Macron se rencontrent à Rome",
     "Joe Biden a rencontré Emmanuel Macron vendredi 29 octobre à la villa Bonaparte, à Rome, pour tourner la page "
     "de la crise des sous-marins."),
    ("rome-2", "rome-biden", "CONSULT", "2021-10-30T08:00:00+02:00", "Le Figaro",
     "À Rome, Biden reconnaît une maladresse",
     "Le président américain a rencontré son homologue français vendredi à Rome, en marge du G20. "
     "Joe Biden a reconnu que la crise des sous-marins avait été gérée de façon maladroite."),
    # --- Second batch (E18-E30), written before the merge was tuned on it (its recall on the code of
    # the time is in docs/cross-merge.md).

    # --- E18 Magnanville, 13 juin 2016
    ("magnanville-1", "magnanville", "ASSAULT", "2016-06-14T06:00:00+02:00", "AFP",
     "Un policier et sa compagne tués à Magnanville",
     "Un commandant de police et sa compagne, agente administrative au commissariat de Mantes-la-Jolie, ont été "
     "tués lundi soir à leur domicile de Magnanville, dans les Yvelines, par un homme armé d'un couteau. "
     "L'assaillant, Larossi Abballa, a été abattu par le RAID, a indiqué le ministère de l'Intérieur."),
    ("magnanville-2", "magnanville", "ASSAULT", "2016-06-14T12:00:00+02:00", "Le Parisien",
     "Magnanville : l'enfant du couple sauvé par le RAID",
     "Jean-Baptiste Salvaing, 42 ans, et Jessica Schneider ont été assassinés lundi 13 juin dans leur maison "
     "de Magnanville. Leur fils de trois ans a été retrouvé vivant. Le groupe État islamique a revendiqué "
     "l'attaque, selon l'agence Amaq."),

    # --- E19 préfecture de police de Paris, 3 octobre 2019
    ("prefecture-1", "prefecture-police", "ASSAULT", "2019-10-03T15:00:00+02:00", "AFP",
     "Attaque au couteau à la préfecture de police de Paris : quatre morts",
     "Un employé administratif de la préfecture de police de Paris a tué quatre fonctionnaires à coups de "
     "couteau jeudi 3 octobre dans l'enceinte de la préfecture, sur l'île de la Cité, avant d'être abattu "
     "par un policier, selon une source policière."),
    ("prefecture-2", "prefecture-police", "ASSAULT", "2019-10-04T08:00:00+02:00", "Le Monde",
     "Mickaël Harpon, l'agent qui a tué ses collègues",
     "Mickaël Harpon, 45 ans, informaticien à la direction du renseignement de la préfecture de police, a "
     "poignardé jeudi midi trois policiers et un agent administratif dans les bureaux de la préfecture, à Paris. "
     "Un gardien de la paix stagiaire l'a abattu dans la cour."),
    ("prefecture-3", "prefecture-police", "ASSAULT", "2019-10-05T18:00:00+02:00", "France Info",
     "Attaque à la préfecture : le parquet antiterroriste saisi",
     "Deux jours après l'attaque qui a fait quatre morts à la préfecture de police de Paris, le parquet national "
     "antiterroriste s'est saisi de l'enquête. L'assaillant, converti à l'islam, avait poignardé ses collègues "
     "avec un couteau de cuisine."),

    # --- E20 Saint-Étienne-du-Rouvray, 26 juillet 2016
    ("rouvray-1", "saint-etienne-du-rouvray", "ASSAULT", "2016-07-26T14:00:00+02:00", "AFP",
     "Prise d'otages dans une église de Saint-Étienne-du-Rouvray : un prêtre tué",
     "Deux hommes armés de couteaux ont pris en otage mardi matin les fidèles d'une église de "
     "Saint-Étienne-du-Rouvray, près de Rouen, et égorgé le prêtre, Jacques Hamel, 85 ans. Les deux assaillants "
     "ont été abattus par les policiers de la BRI."),
    ("rouvray-2", "saint-etienne-du-rouvray", "ASSAULT", "2016-07-26T20:00:00+02:00", "Paris-Normandie",
     "Le père Hamel assassiné pendant la messe",
     "Le père Jacques Hamel a été tué mardi 26 juillet pendant la messe dans l'église de Saint-Étienne-du-Rouvray, "
     "en Seine-Maritime. Un paroissien a été grièvement blessé. L'État islamique a revendiqué l'attaque."),
    ("rouvray-3", "saint-etienne-du-rouvray", "ASSAULT", "2016-07-27T07:00:00+02:00", "La Croix",
     "Saint-Étienne-du-Rouvray : l'Église de France en deuil",
     "Au lendemain de l'assassinat du père Jacques Hamel dans son église de Saint-Étienne-du-Rouvray, les "
     "évêques appellent à la prière. Adel Kermiche et Abdel-Malik Petitjean avaient fait irruption pendant "
     "l'office."),
    # distractor: two days earlier, another country
    ("ansbach-1", "ansbach", "ASSAULT", "2016-07-25T08:00:00+02:00", "AFP",
     "Allemagne : un réfugié syrien se fait exploser à Ansbach",
     "Un Syrien de 27 ans s'est fait exploser dimanche soir près d'un festival de musique à Ansbach, en Bavière, "
     "blessant quinze personnes, a annoncé la police bavaroise."),

    # --- E21 Ouagadougou, 2 mars 2018
    ("ouaga-1", "ouagadougou-2018", "ASSAULT", "2018-03-02T18:00:00+01:00", "AFP",
     "Double attaque à Ouagadougou contre l'état-major et l'ambassade de France",
     "Des hommes armés ont attaqué vendredi 2 mars l'état-major général des armées et l'ambassade de France à "
     "Ouagadougou, tuant au moins huit militaires burkinabè, selon le gouvernement du Burkina Faso."),
    ("ouaga-2", "ouagadougou-2018", "ASSAULT", "2018-03-03T10:00:00+01:00", "RFI",
     "Attaques de Ouagadougou : le GSIM revendique",
     "Le Groupe de soutien à l'islam et aux musulmans a revendiqué les attaques de vendredi contre l'état-major "
     "burkinabè et l'ambassade de France dans la capitale, qui ont fait huit morts parmi les soldats. "
     "Huit assaillants ont été tués."),

    # --- E22 arrestation de Redoine Faïd, 3 octobre 2018
    ("faid-1", "faid-arrest", "COERCE", "2018-10-03T09:00:00+02:00", "AFP",
     "Redoine Faïd arrêté dans l'Oise après trois mois de cavale",
     "Le braqueur Redoine Faïd, évadé de la prison de Réau le 1er juillet en hélicoptère, a été arrêté dans la "
     "nuit de mardi à mercredi à Creil, dans l'Oise, par les policiers de la BRI, a annoncé le ministère de "
     "l'Intérieur."),
    ("faid-2", "faid-arrest", "COERCE", "2018-10-03T19:00:00+02:00", "Le Parisien",
     "Creil : la fin de la cavale de Redoine Faïd",
     "Les enquêteurs ont interpellé Redoine Faïd mercredi vers 4 heures du matin dans un appartement de Creil, "
     "où il se cachait, déguisé en femme selon plusieurs sources. Son frère et deux neveux ont aussi été "
     "arrêtés."),

    # --- E23 Marche du siècle pour le climat, Paris, 16 mars 2019
    ("climat-1", "marche-siecle", "PROTEST", "2019-03-16T19:00:00+01:00", "AFP",
     "Marche du siècle : des dizaines de milliers de manifestants pour le climat",
     "Des dizaines de milliers de personnes ont manifesté samedi 16 mars à Paris pour le climat, à l'appel des "
     "ONG de la Marche du siècle. Les organisateurs ont revendiqué 107 000 marcheurs à Paris, le cabinet "
     "Occurrence en a compté 36 000."),
    ("climat-2", "marche-siecle", "PROTEST", "2019-03-17T08:00:00+01:00", "Reporterre",
     "Climat : une marche du siècle pacifique et joyeuse",
     "Samedi, la Marche du siècle a défilé de l'Opéra à la place de la République, à Paris, pour exiger que "
     "l'État agisse contre le réchauffement climatique. La manifestation s'est déroulée dans le calme."),
    # distractors: the same day in the same city; the day before, the same cause
    ("acte18-1", "gilets-jaunes-acte18", "PROTEST", "2019-03-16T20:00:00+01:00", "France Info",
     "Acte 18 : les Champs-Élysées saccagés",
     "Des gilets jaunes ont manifesté samedi 16 mars sur les Champs-Élysées, à Paris, où des casseurs ont pillé "
     "et incendié des commerces, dont le Fouquet's. La police a procédé à plus de 200 interpellations."),
    ("climat-jeunes-1", "greve-climat-15mars", "PROTEST", "2019-03-15T18:00:00+01:00", "Le Monde",
     "Grève mondiale pour le climat : les lycéens dans la rue",
     "Des dizaines de milliers de lycéens et d'étudiants ont manifesté vendredi 15 mars à Paris et dans d'autres "
     "villes françaises pour le climat, à l'appel de Greta Thunberg."),

    # --- E24 traité d'Aix-la-Chapelle, 22 janvier 2019
    ("aix-1", "traite-aix", "AGREE", "2019-01-22T14:00:00+01:00", "AFP",
     "Macron et Merkel signent le traité d'Aix-la-Chapelle",
     "Emmanuel Macron et Angela Merkel ont signé mardi 22 janvier à Aix-la-Chapelle un traité de coopération "
     "franco-allemande, qui complète le traité de l'Élysée de 1963."),
    ("aix-2", "traite-aix", "AGREE", "2019-01-23T07:00:00+01:00", "Les Échos",
     "Le couple franco-allemand scelle un nouveau traité",
     "La chancelière allemande et le président français ont signé mardi, dans la salle du couronnement de "
     "l'hôtel de ville d'Aix-la-Chapelle, un traité qui prévoit une défense commune et une assemblée "
     "parlementaire franco-allemande."),

    # --- E25 Krementchouk, 27 juin 2022
    ("krem-1", "krementchouk", "ASSAULT", "2022-06-27T21:00:00+02:00", "AFP",
     "Ukraine : un missile russe frappe un centre commercial à Krementchouk",
     "Un missile russe a frappé lundi après-midi un centre commercial bondé à Krementchouk, dans le centre de "
     "l'Ukraine, tuant au moins dix personnes, a annoncé le gouverneur de la région de Poltava."),
    ("krem-2", "krementchouk", "ASSAULT", "2022-06-28T08:00:00+02:00", "Le Monde",
     "À Krementchouk, le bilan de la frappe s'alourdit",
     "La frappe russe qui a détruit lundi 27 juin le centre commercial Amstor de Krementchouk a fait au moins "
     "18 morts, selon les secours ukrainiens. Plus d'un millier de personnes s'y trouvaient, selon Volodymyr "
     "Zelensky."),
    ("krem-3", "krementchouk", "ASSAULT", "2022-06-28T12:00:00+02:00", "Libération",
     "Moscou nie avoir visé le centre commercial",
     "L'armée russe a affirmé mardi avoir frappé un dépôt d'armes à Krementchouk, et non le centre commercial "
     "où au moins 18 civils ont été tués la veille."),
    # distractor: four days later, another city of the same war
    ("serhiivka-1", "serhiivka", "ASSAULT", "2022-07-01T12:00:00+02:00", "AFP",
     "Frappe russe près d'Odessa : 21 morts",
     "Des missiles russes ont frappé dans la nuit de jeudi à vendredi un immeuble d'habitation et un centre de "
     "vacances à Serhiïvka, dans la région d'Odessa, tuant 21 personnes, selon les services de secours."),

    # --- E26 visite d'État de Macron à Washington, 24 avril 2018
    ("washington-1", "macron-trump-2018", "CONSULT", "2018-04-24T20:00:00+02:00", "AFP",
     "Trump reçoit Macron à la Maison Blanche",
     "Donald Trump a reçu mardi 24 avril Emmanuel Macron à la Maison Blanche pour un entretien consacré à "
     "l'accord sur le nucléaire iranien, au deuxième jour de sa visite d'État à Washington."),
    ("washington-2", "macron-trump-2018", "CONSULT", "2018-04-25T07:00:00+02:00", "Le Figaro",
     "Entre Macron et Trump, accolades et désaccords",
     "Le président américain et Emmanuel Macron se sont entretenus mardi dans le Bureau ovale. Les deux "
     "dirigeants ont évoqué un nouvel accord avec l'Iran."),
    # distractor: the same host, three days later
    ("merkel-trump-1", "merkel-trump-2018", "CONSULT", "2018-04-27T21:00:00+02:00", "AFP",
     "Merkel à la Maison Blanche après Macron",
     "Donald Trump a reçu vendredi 27 avril Angela Merkel à la Maison Blanche pour une visite de travail "
     "consacrée au commerce et à l'Iran."),

    # --- E27 Hong Kong, 16 juin 2019
    ("hk-1", "hongkong-16juin", "PROTEST", "2019-06-16T18:00:00+02:00", "AFP",
     "Hong Kong : une marée noire contre le projet de loi d'extradition",
     "Près de deux millions de personnes ont manifesté dimanche 16 juin à Hong Kong contre le projet de loi "
     "sur les extraditions vers la Chine, selon les organisateurs. La police a compté 338 000 manifestants."),
    ("hk-2", "hongkong-16juin", "PROTEST", "2019-06-17T07:00:00+02:00", "Le Monde",
     "À Hong Kong, les manifestants exigent la démission de Carrie Lam",
     "Vêtus de noir, des centaines de milliers de Hongkongais ont défilé dimanche dans les rues de Hong Kong pour "
     "réclamer le retrait du texte et la démission de la cheffe de l'exécutif, Carrie Lam."),
    # distractor: four days earlier, the same city and cause
    ("hk-12juin", "hongkong-12juin", "PROTEST", "2019-06-12T19:00:00+02:00", "France 24",
     "Hong Kong : la police disperse les manifestants au gaz lacrymogène",
     "La police de Hong Kong a tiré mercredi 12 juin des gaz lacrymogènes et des balles en caoutchouc contre "
     "des milliers de manifestants qui bloquaient le Parlement, où devait être examiné le projet de loi."),

    # --- E28 Manchester Arena, 22 mai 2017
    ("manchester-1", "manchester-arena", "ASSAULT", "2017-05-23T08:00:00+02:00", "AFP",
     "Attentat à Manchester : 22 morts à la sortie d'un concert",
     "Un kamikaze s'est fait exploser lundi soir à la sortie d'un concert d'Ariana Grande à la Manchester Arena, "
     "tuant 22 personnes, dont des enfants, et en blessant 59, a annoncé la police de Manchester."),
    ("manchester-2", "manchester-arena", "ASSAULT", "2017-05-23T19:00:00+02:00", "Le Figaro",
     "Manchester : le kamikaze identifié",
     "Le kamikaze de la Manchester Arena, Salman Abedi, 22 ans, a agi seul selon les premiers éléments de "
     "l'enquête. L'attentat de lundi 22 mai, revendiqué par l'État islamique, a fait 22 morts."),
    ("manchester-3", "manchester-arena", "ASSAULT", "2017-05-23T12:00:00+02:00", "France 24",
     "Royaume-Uni : Theresa May dénonce une attaque terroriste effroyable",
     "La Première ministre britannique a dénoncé mardi l'attentat qui a tué 22 personnes dans la nuit de lundi "
     "à mardi à Manchester, lors d'un concert."),

    # --- E29 arrestation de Carlos Ghosn, 19 novembre 2018
    ("ghosn-1", "ghosn-arrest", "COERCE", "2018-11-19T14:00:00+01:00", "AFP",
     "Carlos Ghosn arrêté à Tokyo",
     "Le PDG de Renault-Nissan, Carlos Ghosn, a été arrêté lundi 19 novembre à Tokyo par le parquet, soupçonné "
     "d'avoir dissimulé une partie de ses revenus au fisc japonais."),
    ("ghosn-2", "ghosn-arrest", "COERCE", "2018-11-20T07:00:00+01:00", "Les Échos",
     "Le séisme Ghosn secoue l'alliance Renault-Nissan",
     "Interpellé lundi à sa descente d'avion à l'aéroport de Haneda, Carlos Ghosn a été placé en garde à vue "
     "par les procureurs de Tokyo. Nissan va proposer sa révocation."),
    ("ghosn-3", "ghosn-arrest", "COERCE", "2018-11-19T18:00:00+01:00", "Le Monde",
     "Nissan accuse Carlos Ghosn de malversations",
     "Le patron de l'alliance Renault-Nissan a été arrêté lundi au Japon. Selon Nissan, Carlos Ghosn a sous-"
     "déclaré ses revenus pendant plusieurs années."),

    # --- E30 Charlie Hebdo, 7 janvier 2015
    ("charlie-1", "charlie-hebdo", "ASSAULT", "2015-01-07T14:00:00+01:00", "AFP",
     "Attaque contre Charlie Hebdo : douze morts",
     "Deux hommes armés de kalachnikovs ont attaqué mercredi 7 janvier vers 11 h 30 le siège de l'hebdomadaire "
     "Charlie Hebdo, rue Nicolas-Appert à Paris, tuant douze personnes, dont les dessinateurs Charb et Cabu."),
    ("charlie-2", "charlie-hebdo", "ASSAULT", "2015-01-08T07:00:00+01:00", "Libération",
     "Charlie Hebdo décimé",
     "Les frères Chérif et Saïd Kouachi ont abattu mercredi huit membres de la rédaction de Charlie Hebdo, un "
     "agent d'entretien, un invité et deux policiers, dans le 11e arrondissement de Paris."),
    ("charlie-3", "charlie-hebdo", "ASSAULT", "2015-01-07T20:00:00+01:00", "Le Monde",
     "La France sous le choc après l'attentat contre Charlie Hebdo",
     "François Hollande a dénoncé un attentat terroriste d'une exceptionnelle barbarie après la fusillade qui a "
     "fait douze morts mercredi au siège de Charlie Hebdo. Les deux tireurs sont en fuite."),
    # distractor: the next day, a town bordering Paris
    ("montrouge-1", "montrouge", "ASSAULT", "2015-01-08T12:00:00+01:00", "AFP",
     "Montrouge : une policière municipale tuée par balle",
     "Une policière municipale a été tuée jeudi 8 janvier au matin à Montrouge, dans les Hauts-de-Seine, par un "
     "homme armé d'un fusil d'assaut qui a pris la fuite."),
]


def main() -> None:
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as art, open(HERE / "gold.jsonl", "w",
                                                                            encoding="utf-8") as gold:
        for doc_id, event, ptype, published, outlet, title, text in ARTICLES:
            art.write(json.dumps({"id": doc_id, "title": title, "text": f"{title}\n\n{text}", "published": published,
                                  "lang": "fr", "outlet": outlet}, ensure_ascii=False) + "\n")
            gold.write(json.dumps({"doc_id": doc_id, "event": event, "type": ptype}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
