"""Speaker phrases that need a second look: documents speaking for their authors (``the letter said``),
words trailing an inverted subject (``says Varma adding``), dashes and titles around a name."""

from __future__ import annotations

from tests.unit.test_enrich_quotes import quotes, speaker_of


def test_the_letter_speaks_for_the_sender() -> None:
    found = quotes(
        "The Harbor Pilots Association sent a letter to the port authority on Monday.",
        "“The channel is not safe at night,” the letter said.",
    )
    assert speaker_of(found, "The channel is not safe") == "Harbor Pilots Association"


def test_members_of_an_organisation_write_its_letter() -> None:
    found = quotes(
        "Members of the Vintners Guild have written to the governor, according to a letter seen by us.",
        "“Frost insurance must be restored,” the letter said.",
    )
    assert speaker_of(found, "Frost insurance") == "Vintners Guild"


def test_a_lawsuit_filed_by_a_named_plaintiff() -> None:
    found = quotes(
        "A class action lawsuit, filed in May by the Tenants Union, accuses Ridgeway Homes of fraud.",
        "“The defendants hid the mold,” the lawsuit alleges.",
    )
    assert speaker_of(found, "The defendants hid") == "Tenants Union"


def test_a_notification_issued_by_the_subject_of_the_sentence() -> None:
    found = quotes(
        "In a safety notification issued on Sunday, NORDMAR said a cargo ship had lost power.",
        "“Crew are safe. Vessels should keep clear,” the notification said.",
    )
    assert speaker_of(found, "Crew are safe") == "NORDMAR"


def test_the_announcement_of_who_announced() -> None:
    found = quotes(
        "Larkspur Records announced on Friday that the band would tour in March.",
        "The announcement called the tour “a homecoming for the fans.”",
    )
    assert speaker_of(found, "a homecoming") == "Larkspur Records"


def test_no_author_no_document_speaker_guess() -> None:
    found = quotes("“Rates will rise,” the report said.")
    assert speaker_of(found, "Rates will rise") != "Rates"


def test_words_after_an_inverted_name_are_not_the_name() -> None:
    found = quotes(
        "Priya Natarajan, co-founder of Loomwork, spoke to us.",
        "“Demand is strong,” says Natarajan adding that orders doubled. “We hire weekly,” writes Natarajan "
        "elsewhere.",
    )
    assert speaker_of(found, "Demand is strong") == "Priya Natarajan"
    assert speaker_of(found, "We hire weekly") == "Priya Natarajan"


def test_capitals_for_emphasis_after_a_name() -> None:
    found = quotes(
        "Boxing analyst Harold Brisco was blunt.",
        "That's when Brisco WENT IN on the champion, calling him “a paper tiger.”",
    )
    assert speaker_of(found, "a paper tiger") == "Harold Brisco"


def test_an_all_capitals_surname_is_kept() -> None:
    found = quotes("“The data are clear,” said C. Justin ODA, who led the study.")
    assert speaker_of(found, "The data are clear") == "C. Justin ODA"


def test_a_parenthesis_between_dashes_after_the_name() -> None:
    found = quotes("Lin Meixue—her name means plum snow—came to the coast in May, calling the sea “a giant.”")
    assert speaker_of(found, "a giant") == "Lin Meixue"


def test_administrator_is_a_title() -> None:
    found = quotes("“We need more satellites,” said Administrator Dana Whitcombe.")
    assert speaker_of(found, "We need more") == "Dana Whitcombe"


def test_as_name_appositive_put_it() -> None:
    found = quotes(
        "As Mara Quist, the chief data officer of Leeds, put it, the work is “never finished.”",
    )
    assert speaker_of(found, "never finished") == "Mara Quist"


def test_a_second_quote_after_a_trailing_attribution_keeps_the_voice() -> None:
    found = quotes(
        "Mayor Ada Brenner spoke on the radio show of host Carl Ostrow on Monday.",
        "“The budget is balanced,” Brenner said.",
        "“Taxes will not rise this year,” she continued. “And nobody will lose a job.”",
    )
    assert speaker_of(found, "Taxes will not rise") == "Ada Brenner"
    assert speaker_of(found, "And nobody will lose") == "Ada Brenner"


def test_told_takes_an_object_not_an_inverted_subject() -> None:
    found = quotes(
        "“That is the worrying part,” Ruth Quill, the managing attorney for the Tenants Project, told "
        "The Valley Gazette. “Police in schools is alarming.”"
    )
    assert speaker_of(found, "That is the worrying") == "Ruth Quill"
    assert speaker_of(found, "Police in schools") == "Ruth Quill"


def test_an_unlisted_inverted_verb_still_inverts() -> None:
    found = quotes(
        "“We had the best of both worlds,” laments Halvorsen, who left the lab in 2021. “Then it changed.”"
    )
    assert speaker_of(found, "We had the best") == "Halvorsen"
    assert speaker_of(found, "Then it changed") == "Halvorsen"


def test_a_clause_ending_in_a_colon_hands_over_to_its_subject() -> None:
    found = quotes(
        "Ines Marchetti, research director at the Polymer Institute, underscored the stakes: “Plastics are "
        "cheap and light. They are also hard to recycle.”",
        "Okafor elaborates, “These materials can be reshaped by heating.”",
        "Eze Okafor joined the team in 2019.",
    )
    assert speaker_of(found, "Plastics are cheap") == "Ines Marchetti"
    assert speaker_of(found, "These materials") == "Eze Okafor"


def test_a_colon_after_an_earlier_quote_in_the_sentence() -> None:
    found = quotes(
        "In his speech, Harlan denounced the “managed society” watched by Acme Corp. founder Vic Lee’s "
        "cameras: “Even then you could cross the border. You could hide.”",
    )
    assert speaker_of(found, "Even then") == "Harlan"


def test_a_surname_that_is_a_title_word() -> None:
    found = quotes(
        "“Revenue has not grown in years,” says veteran analyst Lena Doctor.",
        "“They are cutting to survive,” Doctor said.",
    )
    assert speaker_of(found, "Revenue has not grown") == "Lena Doctor"
    assert speaker_of(found, "They are cutting") == "Lena Doctor"


def test_investigator_is_a_title() -> None:
    found = quotes("“She called him twice,” wrote Investigator Rob Cantrell in the affidavit.")
    assert speaker_of(found, "She called him") == "Rob Cantrell"


def test_a_pronoun_chain_goes_past_an_object_in_a_subordinate_clause() -> None:
    found = quotes(
        "Marla Quinn said her parents adored the actor. “My father was devastated,” she said.",
        "Although she refused to say that she left Dev Patton, she did talk about the split.",
        "“I was such a kid,” she shared.",
    )
    assert speaker_of(found, "I was such a kid") == "Marla Quinn"


def test_a_pronoun_before_its_name_in_the_same_sentence() -> None:
    found = quotes(
        "Agnes Ward wrote the novel the series is based on.",
        "Though he grew up in Belfast, Corin Hale lives in Cork. “I love the place,” he told a paper.",
    )
    assert speaker_of(found, "I love the place") == "Corin Hale"


def test_a_name_of_an_institution_in_a_place() -> None:
    found = quotes(
        "“Seals are highly susceptible,” Ana Veldt of the University of Otago in Dunedin, New Zealand, said "
        "to a magazine.",
        "“The law is clear,” said Senator Rob Tanner of Kentucky.",
    )
    assert speaker_of(found, "Seals are highly") == "Ana Veldt"
    assert speaker_of(found, "The law is clear") == "Rob Tanner"


def test_an_adverb_is_no_speaker() -> None:
    found = quotes(
        "Colin Marsh spoke to the committee.",
        "“Every day spent here is a day lost for the interests” mutually shared by both, he warned.",
    )
    assert speaker_of(found, "Every day spent") == "Colin Marsh"


def test_two_curly_apostrophes_close_a_quote() -> None:
    found = quotes(
        "“It was an attempt to mislead voters,’’ Will Roan, chief executive of Fact Desk, told a paper. "
        "“It is inappropriate.”"
    )
    assert speaker_of(found, "It was an attempt") == "Will Roan"
    assert speaker_of(found, "It is inappropriate") == "Will Roan"


def test_the_clause_after_a_semicolon_has_its_own_subject() -> None:
    found = quotes(
        "Dana Reed runs the merged chain.",
        "The merged company may not buck the trend; Reed has said that he expects “synergies” from it.",
    )
    assert speaker_of(found, "synergies") == "Dana Reed"


def test_an_unlisted_verb_after_a_quote_and_a_name() -> None:
    found = quotes("“We had it done,” Mr. Halvard recounted in a cabinet meeting. “I wanted more.”")
    assert speaker_of(found, "We had it done") == "Halvard"
    assert speaker_of(found, "I wanted more") == "Halvard"


def test_a_titled_subject_after_a_time_phrase() -> None:
    found = quotes(
        "Last week Treasury Department official Dana Holt revealed the call to investigators, saying she "
        "recalled it “vividly.”"
    )
    assert speaker_of(found, "vividly") == "Dana Holt"


def test_a_final_inverted_attribution_beats_a_relaying_gerund() -> None:
    found = quotes(
        "Brandt was known for telling others “he was in charge of the port” despite his title, said another "
        "witness, former harbor adviser Fiona Marsh."
    )
    assert speaker_of(found, "he was in charge") == "Fiona Marsh"


def test_a_coordinated_title_before_a_name() -> None:
    found = quotes("Acme co-founder and CEO John Mayer said in a memo that the “price gap has narrowed.”")
    assert speaker_of(found, "price gap") == "John Mayer"


def test_states_after_a_capitalised_word_is_a_noun() -> None:
    found = quotes(
        "The only two Gulf states to have signed the pact also criticised it, with Foreign Minister Amal "
        "Sayed warning of “grave consequences”."
    )
    assert speaker_of(found, "grave consequences") == "Amal Sayed"


def test_a_sentence_closing_attribution_covers_its_earlier_partial_quote() -> None:
    found = quotes(
        "The outages have been “terribly disruptive” and the utility is adding crews, but “we won’t gamble "
        "on safety,” company CEO Andrew Vale said."
    )
    assert speaker_of(found, "terribly disruptive") == "Andrew Vale"


def test_a_gendered_description_prefers_a_person_of_that_gender() -> None:
    found = quotes(
        "Dolly Varden and Carl Brandt have been married for 40 years.",
        "Asked about their secret, the country queen replied, “We give each other room.”",
    )
    assert speaker_of(found, "We give each other") == "Dolly Varden"


def test_census_gender_never_rules_a_person_out() -> None:
    found = quotes(
        "“I see that tote everywhere,” says Jess Marlow, writer of a shopping newsletter. The Row’s Sling "
        "Bag is also a favourite.",
        "Marlow concedes that price matters. “A bag need not cost much,” she says.",
    )
    assert speaker_of(found, "A bag need not") == "Jess Marlow"


def test_the_researchers_are_their_lead_named_with_colleagues() -> None:
    found = quotes(
        "“The fossil is the oldest of its genus,” said Dr. Ilona Varga from the Centre for Earth Research "
        "and colleagues.",
        "The shell was 10 mm wide.",
        "“The shell is flat with a domed top,” the researchers said.",
    )
    assert speaker_of(found, "The shell is flat") == "Ilona Varga"


def test_a_surname_owner_of_an_office_gets_the_full_name() -> None:
    found = quotes(
        "The investor Jack Lo founded the group in 1999.",
        "On Friday, Lo’s office told a newspaper that he remained “very positive” about it.",
    )
    assert speaker_of(found, "very positive") == "Jack Lo’s office"


def test_they_after_a_named_subject_with_a_plural_verb() -> None:
    found = quotes(
        "Singer Tara Vance said the label blocked her songs.",
        "Iron Gate have twice denied doing anything wrong.",
        "“At no point did we block Tara,” they said in a statement.",
    )
    assert speaker_of(found, "At no point") == "Iron Gate"


def test_a_contracted_pronoun_subject() -> None:
    found = quotes(
        "Omar Haidari runs a phone shop in the bazaar.",
        "Asked about sales, he’d only say, “Business is fine, sir.”",
    )
    assert speaker_of(found, "Business is fine") == "Omar Haidari"


def test_a_common_lower_case_word_is_no_speaker_but_another_is() -> None:
    found = quotes(
        "Reader posts flooded the forum. “This is gorgeous,” another wrote.",
        "Those who use the forum know that everything posted there is fiction, “a story” and no more.",
    )
    assert speaker_of(found, "This is gorgeous") == "another"
    assert speaker_of(found, "a story") != "everything"


def test_an_office_or_abbreviated_role_before_a_full_name() -> None:
    found = quotes(
        "Director of Public Prosecution Eva-Lena Marsh spoke on Monday.",
        "Ms Marsh said: “The injured party has given a credible account.”",
        "“He was protecting himself,” said Rams DL Shel Ricketts.",
    )
    assert speaker_of(found, "The injured party") == "Eva-Lena Marsh"
    assert speaker_of(found, "He was protecting") == "Shel Ricketts"


def test_a_forecast_speaks_for_its_owner() -> None:
    found = quotes("Tourism “will become important,” according to the Harbor Institute’s forecast.")
    assert speaker_of(found, "will become") == "Harbor Institute"
