"""Word lists for the name heuristics: titles before names, organisation words, filler before verbs,
given names (speaker gender), person and document nouns."""

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
    Senior Commander Commander-in-Chief Shadow Supt. Superintendent Chair Chairperson Councilmember
    Councilor Councillor Councilman Councilwoman Alderman Alderwoman Assemblyman Assemblywoman
    Assemblymember Congressman Congresswoman Supervisor Mayor-elect President-elect Administrator
    Commissioner-elect Governor-elect Lieutenant Ambassador-at-large Treasurer Comptroller Auditor
    Chancellor-elect Vice-Chancellor Registrar Coroner Magistrate Solicitor Investigator
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
    Technologies Airways Enterprises Capital Project Campaign Church Library Libraries Gallery Laboratory
    Laboratories Clinic Archives Cathedral Tribunal Solutions Industries Ventures Networks Pharmaceuticals
    Therapeutics Institutes Agencies Associations Departments Councils Commissions Centers Centres National
    FC SC CF AFC BC
    """
)

# dropped from the end of a subject before a reporting verb: "Doctor Neeraj Nischal further said"
TRAILING_JUNK = _words(
    """
    then also further later recently previously has have had once again reportedly eventually initially
    would will is was were just even still quickly has been had been also
    """
)

# common given names (generic top-name lists, not taken from any labelled article)
MALE = _words(
    """
    john james robert michael william david richard joseph thomas charles christopher daniel matthew
    anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
    jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
    samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam nathan
    henry douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry austin
    sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan
    alan juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip
    eugene louis harry ed dave tom tim jim bob mike steve chris matt dan ben sam nick tony greg jeff
    rob bill ted fred luke oliver jacob liam lucas leo hugo max felix simon martin ian neil colin
    graham nigel gordon stuart alistair ahmed mohammed muhammad omar hassan ivan sergei dmitry
    pierre marco luca carlos luis jorge miguel pedro antonio
    """
)
FEMALE = _words(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
    margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
    nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather
    diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan
    andrea cheryl hannah jacqueline martha gloria teresa ann anne sara madison frances kathryn
    janice abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella
    theresa diana natalie brittany charlotte marie kayla alexis lori jane kate katie claire sophie
    lucy ellie chloe jenny susan sue liz beth meg molly julia caroline eleanor louise fiona kirsty
    natasha tanya olga elena irina sofia lucia ana carmen
    """
)
GIVEN_NAMES = MALE | FEMALE

PERSON_NOUNS = _words(
    """
    doctor judge president minister senator governor mayor chief host prosecutor attorney lawyer
    singer actor actress star coach manager ceo chairman chairwoman director secretary general
    commander leader founder owner player pitcher quarterback author writer artist rapper musician
    teen teenager woman man boy girl mother father student professor researcher scientist
    grandmother grandfather nurse victim suspect defendant witness fighter officer detective sheriff
    chancellor premier king queen prince princess pope congressman congresswoman lawmaker candidate
    nominee comedian podcaster filmmaker driver businessman veteran
    cardinal bishop archbishop rabbi imam pastor priest reverend ambassador spokesman spokeswoman
    spokesperson commissioner chief executive duchess duke billionaire millionaire entrepreneur mogul
    songwriter songstress crooner designer stylist chef blender expert analyst economist editor
    creator engineer reporter journalist adviser advisor aide official
    """
)
DOC_NOUNS = _words(
    """
    statement letter email post tweet release report lawsuit suit complaint memo video account
    testimony interview op-ed essay blog website forecast analysis survey study poll estimate announcement
    """
)

# capitalised role/occupation nouns in front of a full name: "Student Daniel Broz", "Newlyweds Tom Leese",
# "GSAS Dean Emma Dench" (cut only when two or more name tokens remain, so "Dean Nelson" stays whole)
_ROLE_WORDS = _words(
    """
    Student Newlywed Resident Teacher Nurse Dean Provost Pastor Reverend Farmer Worker Engineer Analyst
    Economist Researcher Scientist Author Writer Artist Photographer Journalist Reporter Editor Columnist
    Lawyer Manager Owner Chef Designer Developer Entrepreneur Investor Shopper Customer Tourist Visitor
    Fan Voter Parent Mother Mom Dad Survivor Victim Witness Neighbor Neighbour Activist Volunteer
    Protester Veteran Candidate Councillor Councilman Councilwoman Alderman Lawmaker Legislator Delegate
    Trustee Historian Physician Surgeon Pharmacist Psychologist Therapist Player Striker Goalkeeper
    Quarterback Pitcher Musician Comedian Host Broadcaster Presenter Anchor Influencer Podcaster
    Blogger Constable Firefighter Paramedic Pilot Astronaut Biologist Ecologist Entomologist Physicist
    Chemist Epidemiologist Ranger Guide Producer Director Executive Consultant Partner Employee Staffer
    Founder Cofounder Co-founder Rep Sen Gov Dr Prof Supt Lt Sgt Gen Capt Col Adm
    """
)
ROLE_NOUNS = _ROLE_WORDS | frozenset(w + "s" for w in _ROLE_WORDS)

# a name ending/starting with one of these is a place, never a person: "Hennepin County", "Lake Barkley"
PLACE_TAILS = _words(
    """
    County Counties Province Prefecture District Region Oblast Township Parish Borough Municipality
    Island Islands Peninsula Valley River Mountains Street Avenue Boulevard Highway Canyon Desert Coast Belt
    """
)
# a name ending with one of these is an event (unless it starts with a given name: "Doris Day")
EVENT_TAILS = _words(
    """
    War Day Cup Games Olympics Championship Championships Festival Awards Award Prize Bowl Series Summit
    Conference Revolution Crisis Act Eve Week Month
    """
)
# words that end a capitalised run in a title-case heading without being a name part: "Orion and Lauren
# Still Together?", "Will Michael Get Remarried After ..."
NOT_NAME_WORDS = _words(
    """
    still after get together before again also just now then when where why how what who which with
    without into over under about are is was were be been has have had does did not than too very really
    vs vs. versus from
    """
)
PLACE_HEADS = _words(
    "Lake Mount Cape Fort Central Greater Downtown North South East West Northern Southern Eastern Western"
)
