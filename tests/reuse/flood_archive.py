"""A small archive of three outlets reporting one flood, for reuse tests.

Every article is about the flood, so the topic words (river, residents,
council, Riverton...) recur everywhere; only the paragraphs built from one
statement should be linked.  Keys: (article slug, paragraph id).
"""

from __future__ import annotations

from archive.reuse import Paragraph

FLOOD = {
    ("daily-flood", "daily"): [
        ("p1", "Heavy rain pushed the Arden river over its banks in Riverton on Saturday, and the "
               "water kept rising through the weekend across the whole valley."),
        ("p2", "The town council ordered the evacuation of 1,200 residents from the Lower Mill district "
               "on Sunday night, mayor Helen Carver told reporters at the town hall."),
        ("p3", "Engineers warned that the old stone bridge at Fenwick Crossing could collapse if the water "
               "rose another forty centimetres, and closed it to all traffic."),
        ("p4", "Volunteers from the Riverton rowing club ferried elderly residents to a shelter in the "
               "Saint Brendan school gymnasium, where the Red Cross served hot meals."),
        ("p5", "Residents said the river had not risen so fast in living memory and that the town "
               "needed better flood defences before next winter."),
        ("p6", "The council has promised to publish a full report on the flood, and residents will be able "
               "to ask questions at a public meeting in the town next month."),
    ],
    ("herald-flood", "herald"): [
        ("p1", "Flood water reached the ground floor of the Riverton library, where staff had carried "
               "the oldest books and maps to the upper rooms on Friday."),
        ("p2", "“The town council ordered the evacuation of 1,200 residents from the Lower Mill district "
               "on Sunday night,” Mayor Helen Carver told reporters at the town hall."),
        ("p3", "Engineers warned the old stone bridge at Fenwick Crossing might collapse if the water rose "
               "a further forty centimetres, and the bridge was closed to all traffic."),
        ("p4", "The water level in the Arden was expected to peak on Monday evening, the river authority "
               "said, before falling slowly during the rest of the week."),
        ("p5", "Town council members met on Monday morning to discuss emergency payments for residents "
               "whose homes were damaged by the river."),
    ],
    ("courier-flood", "courier"): [
        ("p1", "Members of a local rowing club used their boats to carry older people to an emergency "
               "shelter set up in the gym of Saint Brendan school, with hot food from the Red Cross."),
        ("p2", "Many residents complained that the town council had ignored warnings about the river "
               "and the state of its banks for years."),
        ("p3", "Insurers said it was too early to estimate the cost of the damage in Riverton, but "
               "several streets would need to be rebuilt."),
        ("p4", "A council spokesman said the town had spent its flood budget on the river walls upstream, "
               "which residents of the old town say did not protect them."),
    ],
}


def paragraphs_of(articles: dict) -> list[Paragraph]:
    return [
        Paragraph(article=article, source=source, id=anchor, text=text)
        for (article, source), items in articles.items()
        for anchor, text in items
    ]

