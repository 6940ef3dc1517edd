"""Word lists for the name heuristics: titles before names, organisation words, filler before verbs."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# cut before a person's name: "Czech Interior Minister Vit Rakusan" -> "Vit Rakusan"
TITLES = _words(
    """
    President Sen. Senator Gov. Governor Rep. Representative Dr. Doctor Mr. Mr Mrs. Mrs Ms. Ms Miss Sir
    Dame Lord Lady Prof. Professor Judge Justice Gen. General Lt. Col. Colonel Maj. Major Capt. Captain
    Sgt. Sergeant Adm. Admiral Secretary Minister Ambassador Chief Chairman Chairwoman Director CEO
    Commissioner Mayor Sheriff Trooper Officer Detective Deputy Speaker Chancellor Premier Prince
    Princess King Queen Pope Cardinal Bishop Rabbi Father Coach Rapper Actor Actress Singer Spokesman
    Spokeswoman Spokesperson Attorney Prosecutor Vice Prime Foreign Interior Defense Defence Finance
    Home Health Treasury Trade State Former Ex Inspector Agent Founder Cofounder Co-founder Head Leader
    Senior Commander Commander-in-Chief Shadow Supt. Superintendent
    """
)

# a capitalised run containing one of these is an organisation
ORG_WORDS = _words(
    """
    Council Association Agency Department Ministry University College Institute Commission Committee
    Board Bureau Office Police Party Group Inc. Inc Corp. Corp Company Co. Corporation Foundation Fund
    Bank Court Times Post News Network Center Centre Hospital School Service Services Administration
    Authority Organization Organisation League Union Federation Army Navy Force Forces Guard Corps
    Brigades Movement Conference Club Airlines Motors Games Studios Records Labs Media Observatory
    Consortium Society Alliance Coalition Assembly Parliament Senate House Cabinet Government Museum Zoo
    Archive Academy Trust Partners Markets Holdings Journal Magazine Channel TV Radio Press Review
    Pharmacy Commonwealth Reserve Exchange Council's Trustees AG SE B.V. LLC Ltd. Ltd plc PLC Systems
    Technologies Airways Enterprises Capital Project Campaign Church
    """
)

# dropped from the end of a subject before a reporting verb: "Doctor Neeraj Nischal further said"
TRAILING_JUNK = _words(
    """
    then also further later recently previously has have had once again reportedly eventually initially
    would will is was were just even still quickly has been had been also
    """
)
