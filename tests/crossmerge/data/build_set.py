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
