"""Hand lists: the terms each practice agreement's definitions parts define, read by a person from
the text (not from the finder's output), for tests/unit/test_def_practice.py.

The excerpts in tests/unit/def_practice/<name>.txt are copied verbatim from
../shared/practice/<name>.md (line numbers in each "@@" header are that file's), except: lines that
cleaning removes are blanked (page headers/footers "41" / "Defence Housing Australia Enterprise
Agreement 2021", "AFSCME – 2025-597 ... Page |27", Docling's "<!-- image -->"), a clause number
printed inside the definitions column is blanked (Austrade Appendix C line 3087 "2."), and the
"1.1. " marker of Austrade C.1.1 is dropped (it became the node's number). Indentation and "## "
are left for the test's loader to strip, as cleaning does.
"""

HAND: dict[str, dict] = {
    # Appendix 3 – Definitions (lines 3204-3300), a two-column table that pdftotext printed partly
    # as term/definition pairs and partly as a block of 8 terms followed by a block of 8
    # definitions (Fair Work Commission ... Ongoing APS employee). 16 terms.
    "au-dha-ea-2021": {
        "terms": ["APS", "DHA", "Employee", "Fair Work Act", "Fair Work Commission", "Fair Work Regulations",
                  "Home", "Household member", "Immediate family", "Medical certificate",
                  "Non-ongoing (temporary) APS employee", "Ongoing APS employee", "De facto partner",
                  "Public Service Act", "Registered health practitioner", "Retrenchment"],
    },
    # Section 8: Interpretations and Definitions (lines 2485-2573): term, blank line, "Means ...";
    # plus Appendix C 1.1 (lines 3065-3092), "the following definitions will apply:" then the
    # same layout, one of them inline ("Disability support pension means ..."). 21 terms.
    "au-austrade-ea-2019-2022": {
        "terms": ["Agreement", "APS", "APS Award", "Austrade", "Casual Employee", "CEO", "Child", "Employee",
                  "FW Act", "Household member", "Immediate family member", "NES", "De facto partner", "PS Act",
                  "SES", "Spouse", "Staff",
                  "Supported wage system", "Accredited assessor", "Disability support pension",
                  "Assessment instrument"],
    },
    # Preamble (96-99): "(hereinafter the County)", "(hereinafter the Union)"; Article 5 Section 6
    # (308-311); Article 7 Section 1 A and B (365-368); Article 10 Section 1 (596); Article 19
    # Section 6 A.2 (933); Article 21 Section 6 (1080); Appendix A IV.E "Definitions:" (1438-1448).
    "us-or-deschutes-county-afscme-3997-2025-2030": {
        "terms": ["County", "Union", "Temporary employee", "Seasonal employee", "grievance", "day", "workweek",
                  "Immediate family member", "Extreme emergency", "Sick Leave Bank", "Sick Leave Vault"],
    },
    # Title page parties (40-61: 'Local Lodge', ' International Union ', 'Employer'); DEFINITIONS
    # (119-125); 1.02 "Maintenance work is defined as" (139); the long-term maintenance LOU's
    # "Definitions:" (1689-1697). 9 terms.
    "ca-ab-boilermakers-146-bca-2025-2028": {
        "terms": ["Local Lodge", "International Union", "Employer", "Employees", "Written Evidence", "Written Format",
                  "Maintenance work", "Long Term Maintenance", "Short Term Maintenance"],
    },
    # Preamble parties (77-89: "COMPANY", "UNION"); ARTICLE 5.000 DEFINITIONS (153-161: 5.100 defines
    # maintenance by "shall be maintenance", 5.300 "repair", 5.500 "renovation"); the bereavement
    # protocol's ARTICLE I - DEFINITIONS (1032-1049, 1.01-1.07 with 'Parent-in-law' inside 1.05). 13 terms.
    "ca-ab-national-maintenance-agreement-2025-2028": {
        "terms": ["COMPANY", "UNION", "maintenance", "repair", "renovation", "Bereavement Pay Benefits", "Child",
                  "Grandparent", "Employee", "Parent", "Parent-in-law", "Sibling", "Spouse"],
    },
}
