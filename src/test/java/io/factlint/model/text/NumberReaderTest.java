package io.factlint.model.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The numbers newsrooms write, read as values, bounds, ranges, percentages and roles. */
class NumberReaderTest {

    /** Every number of the text as {@code role value[..max][%] bound "span"}, joined by " | ". */
    static String described(String text) {
        return NumberReader.read(text).stream().map(n -> n.role().name().toLowerCase() + " "
                + n.value().stripTrailingZeros().toPlainString()
                + (n.max() == null ? "" : ".." + n.max().stripTrailingZeros().toPlainString())
                + (n.percent() ? "%" : "") + (n.currency() == null ? "" : " " + n.currency())
                + " " + n.bound().id() + " \"" + n.text() + "\"").collect(Collectors.joining(" | "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "deployed over 11,000 soldiers;            count 11000 over \"over 11,000\"",
            "over 3000 North Korean soldiers;          count 3000 over \"over 3000\"",
            "more than 3,000 troops;                   count 3000 over \"more than 3,000\"",
            "at least 200 civilians;                   count 200 at_least \"at least 200\"",
            "fewer than 50 people;                     count 50 under \"fewer than 50\"",
            "up to 12,000 soldiers;                    count 12000 at_most \"up to 12,000\"",
            "nearly half of them;                      fraction 0.5 nearly \"nearly half\"",
            "some 52 % of voters;                      count 52% about \"some 52 %\"",
            "about 1,000 homes;                        count 1000 about \"about 1,000\"",
            "around 40 villages;                       count 40 about \"around 40\"",
            "almost 300 tanks;                         count 300 nearly \"almost 300\"",
            "a quarter of the force;                   fraction 0.25 exactly \"a quarter\"",
            "one in twenty soldiers;                   fraction 0.05 exactly \"one in twenty\"",
            "two thirds of the budget;                 fraction 0.6666666667 exactly \"two thirds\"",
            "three thousand troops;                    count 3000 exactly \"three thousand\"",
            "twenty-three wounded;                     count 23 exactly \"twenty-three\"",
            "eleven thousand five hundred men;         count 11500 exactly \"eleven thousand five hundred\"",
            "a hundred drones;                         count 100 exactly \"a hundred\"",
            "33% of the vote;                          count 33% exactly \"33%\"",
            "33 per cent of the vote;                  count 33% exactly \"33 per cent\"",
            "rose 4.5 percent;                         count 4.5% exactly \"4.5 percent\"",
            "$2.78 billion in aid;                     count 2780000000 $ exactly \"$2.78 billion\"",
            "a $1.2 trillion budget;                   count 1200000000000 $ exactly \"$1.2 trillion\"",
            "£3.5bn of loans;                          count 3500000000 £ exactly \"£3.5bn\"",
            "a $5m grant;                              count 5000000 $ exactly \"$5m\"",
            "N2.1 trillion on debt;                    count 2100000000000 N exactly \"N2.1 trillion\"",
            "₦950 billion in revenue;                  count 950000000000 ₦ exactly \"₦950 billion\"",
            "NGN 13bn for the clinic;                  count 13000000000 NGN exactly \"NGN 13bn\"",
            "N5,000 a month;                           count 5000 N exactly \"N5,000\"",
            "N10-20 billion a year;                    count 10000000000..20000000000 N exactly \"N10-20 billion\"",
            "between N10 and N20 billion;              count 10000000000..20000000000 N exactly \"between N10 and N20 billion\"",
            "₦10-20 billion a year;                    count 10000000000..20000000000 ₦ exactly \"₦10-20 billion\"",
            "$5-$10 billion in aid;                    count 5000000000..10000000000 $ exactly \"$5-$10 billion\"",
            "3.5 million people;                       count 3500000 exactly \"3.5 million\"",
            "2,78 euros;                               count 2.78 exactly \"2,78\"",
            "3, 835 cases;                             count 3835 exactly \"3, 835\"",
            "10,000 to 12,000 troops;                  count 10000..12000 exactly \"10,000 to 12,000\"",
            "10,000-12,000 troops;                     count 10000..12000 exactly \"10,000-12,000\"",
            "between 10,000 and 12,000 troops;         count 10000..12000 exactly \"between 10,000 and 12,000\"",
            "10 to 12 million people;                  count 10000000..12000000 exactly \"10 to 12 million\"",
            "10-12% of homes;                          count 10..12% exactly \"10-12%\"",
            "3,000 or more;                            count 3000 at_least \"3,000 or more\"",
            "almost zero;                              count 0 nearly \"almost zero\"",
            "nearly 0 cases;                           count 0 nearly \"nearly 0\"",
            "on the 26th;                              day 26 exactly \"26th\"",
            "on Friday (December 27);                  day 27 exactly \"27\"",
            "on 27 December 2024;                      day 27 exactly \"27\" | year 2024 exactly \"2024\"",
            "December 27, 2024;                        day 27 exactly \"27\" | year 2024 exactly \"2024\"",
            "since 1990 the;                           year 1990 exactly \"1990\"",
            "as early as 1526, enslaved;               year 1526 exactly \"1526\"",
            "in 1619 the first;                        year 1619 exactly \"1619\"",
            "in 1500 cases;                            count 1500 exactly \"1500\"",
            "1500 soldiers;                            count 1500 exactly \"1500\"",
            "deaths rose to 1500.;                     count 1500 exactly \"1500\"",
            "a total of 1200 Kenyans;                  count 1200 exactly \"1200\"",
            "up from 1100, the;                        count 1100 exactly \"1100\"",
            "fell by 1800 and then;                    count 1800 exactly \"1800\"",
            "until 1865, the;                          year 1865 exactly \"1865\"",
            "at 21:00 local time;                      time 21 exactly \"21:00\"",
            "at 9 a.m. on;                             time 9 exactly \"9 a.m.\"",
            "one of the soldiers;                      one 1 exactly \"one\"",
            "no one knows;                             one 1 exactly \"one\"",
            "F-16 jets and COVID-19;                   ``",
            "the first incident;                       ``",
            "the third battalion;                      ``"})
    void readsNumbersAsNewsroomsWriteThem(String text, String expected) {
        assertThat(described(text)).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void ambiguousSpellingsKeepTheirOtherReadings() {
        ReadNumber typo = NumberReader.read("3, 835 cases").get(0);
        assertThat(typo.readings()).extracting(BigDecimal::toPlainString).containsExactly("3835", "3", "835");
        ReadNumber comma = NumberReader.read("2,78 euros").get(0);
        assertThat(comma.readings()).extracting(BigDecimal::toPlainString).containsExactly("2.78", "278");
    }

    @ParameterizedTest(name = "{0} states {1}")
    @CsvSource(delimiter = ';', value = {"33%; 0.33", "33%; 33", "$2.78 billion; 2780000000", "2,78; 2.78",
            "3, 835; 3835", "a third; 0.33", "a third; 0.333", "10,000 to 12,000; 12000", "$1 trillion; 1000000000000"})
    void aNumberStatesItsValueItsFractionAndItsRoundings(String text, String amount) {
        ReadNumber n = NumberReader.read(text).get(0);
        assertThat(n.states(new BigDecimal(amount))).isTrue();
    }

    @ParameterizedTest(name = "{0} does not state {1}")
    @CsvSource(delimiter = ';', value = {"33%; 0.34", "$2.78 billion; 2.78", "a third; 0.25", "300; 3000"})
    void aNumberDoesNotStateAnotherValue(String text, String amount) {
        assertThat(NumberReader.read(text).get(0).states(new BigDecimal(amount))).isFalse();
    }

    @Test
    void onlyFiguresAreFiguresAndSpansAreInTheText() {
        String text = "On Thursday (26th) at 21:00, in 2024, one official said over 3,000 of 11,000 were hit.";
        List<ReadNumber> figures = NumberReader.figures(text);
        assertThat(figures).extracting(ReadNumber::text).containsExactly("over 3,000", "11,000");
        for (ReadNumber n : figures) assertThat(text.substring(n.start(), n.end())).isEqualTo(n.text());
    }

    /** An ISO-8601 date in a text ("Seoul, 2025-03-01.") is a date, not the figures 2025, 03 and 01. */
    @Test
    void anIsoDateIsNoFigure() {
        assertThat(NumberReader.figures("Seoul, 2025-03-01. Over 3,000 were hit on 2025-02-28T10:00."))
                .extracting(ReadNumber::text).containsExactly("Over 3,000");
    }

    /** A bare N before digits is naira only when the amount is written as money: "N95" masks hold no figure. */
    @Test
    void aLetterNBeforeDigitsIsNairaOnlyBeforeAnAmount() {
        assertThat(NumberReader.figures("N95 masks, n95 respirators, n2,000 items, COVID19 and A4 paper")).isEmpty();
        assertThat(NumberReader.figures("N.5 million")).extracting(ReadNumber::text).doesNotContain("N.5 million");
        List<ReadNumber> naira = NumberReader.figures("spent N2.1 trillion, then N5,000 more");
        assertThat(naira).extracting(ReadNumber::text).containsExactly("N2.1 trillion", "N5,000");
        assertThat(naira.get(0).value()).isEqualByComparingTo("2100000000000");
    }

    /**
     * A number that is part of a name is no figure: joined to letters ("COVID-19", never read) or a plain integer
     * right after a name word ("Section 230", read as a name). Each case keeps its real figures.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "the World Bank's Doing Business 2020 report ranks Nigeria 131st; name 2020 exactly \"2020\" | day 131 exactly \"131st\"",
            "Doing Business 2020 ranks Nigeria in 10th place;   name 2020 exactly \"2020\" | day 10 exactly \"10th\"",
            "cases of COVID-19 rose to 300;                      count 300 exactly \"300\"",
            "the G20 summit pledged $5 billion;                  count 5000000000 $ exactly \"$5 billion\"",
            "Saudi Vision 2030 aims at 1 million jobs;           name 2030 exactly \"2030\" | count 1000000 exactly \"1 million\"",
            "Agenda 2063 calls for 50 universities;              name 2063 exactly \"2063\" | count 50 exactly \"50\"",
            "Section 230 shields platforms;                      name 230 exactly \"230\"",
            "Article 370 was revoked in 2019;                    name 370 exactly \"370\" | year 2019 exactly \"2019\"",
            "a Boeing 737 carrying 132 people;                   name 737 exactly \"737\" | count 132 exactly \"132\"",
            "a Boeing 737-800 carrying 189 people;               name 737 exactly \"737\" | name 800 exactly \"800\" | count 189 exactly \"189\"",
            "an Airbus A320-200 with 150 seats;                  name 200 exactly \"200\" | count 150 exactly \"150\"",
            "Form 1040 is filed by 150 million people;           name 1040 exactly \"1040\" | count 150000000 exactly \"150 million\"",
            "Title 42 expulsions reached 2.5 million;            name 42 exactly \"42\" | count 2500000 exactly \"2.5 million\"",
            "Proposition 22 passed with 58% of the vote;         name 22 exactly \"22\" | count 58% exactly \"58%\"",
            "Flight MH17 was downed, killing 298 people;         count 298 exactly \"298\"",
            "Flight 370 vanished with 239 aboard;                name 370 exactly \"370\" | count 239 exactly \"239\"",
            "Apollo 11 landed in 1969;                           name 11 exactly \"11\" | year 1969 exactly \"1969\"",
            "the F-35 costs $80 million;                         count 80000000 $ exactly \"$80 million\"",
            "the H1N1 virus killed 12,000 people;                count 12000 exactly \"12,000\"",
            "Windows 10 runs on 1.3 billion devices;             name 10 exactly \"10\" | count 1300000000 exactly \"1.3 billion\"",
            "Chapter 11 bankruptcy and 2019 Wisconsin Act 185;   name 11 exactly \"11\" | year 2019 exactly \"2019\" | name 185 exactly \"185\"",
            "the FTSE 100 fell 2% and the S&P 500 rose;          name 100 exactly \"100\" | count 2% exactly \"2%\" | name 500 exactly \"500\"",
            "(Section 230) and \"Vision 2030\";                   name 230 exactly \"230\" | name 2030 exactly \"2030\"",
            "SECTION 230 AND DOING BUSINESS 2020;                name 230 exactly \"230\" | name 2020 exactly \"2020\"",
            // capitals in all-caps text: a name word that is no everyday verb keeps its name; so does a name of two
            // words ("ALERT LEVEL", "TESLA MODEL") and an acronym
            "ALERT LEVEL 4 CLOSED 500 SCHOOLS;                  name 4 exactly \"4\" | count 500 exactly \"500\"",
            "TESLA MODEL 3 COSTS $40,000;                        name 3 exactly \"3\" | count 40000 $ exactly \"$40,000\"",
            "COVID 19 AND FTSE 100;                              name 19 exactly \"19\" | name 100 exactly \"100\"",
            // "to" before a name word that is no verb is no infinitive
            "reforms to Section 230 stalled;                     name 230 exactly \"230\"",
            // names the review found misread
            "a Category 5 hurricane hit 300 homes;               name 5 exactly \"5\" | count 300 exactly \"300\"",
            "Stage 6 load-shedding cut power to 2 million homes; name 6 exactly \"6\" | count 2000000 exactly \"2 million\"",
            "Alert Level 4 closed 500 schools;                   name 4 exactly \"4\" | count 500 exactly \"500\"",
            "Formula 1 drew 400 million viewers;                 name 1 exactly \"1\" | count 400000000 exactly \"400 million\"",
            "Terminal 5 handled 80 flights;                      name 5 exactly \"5\" | count 80 exactly \"80\"",
            "Channel 4 said 12 staff left;                       name 4 exactly \"4\" | count 12 exactly \"12\"",
            "Area 51 covers 38,400 acres;                        name 51 exactly \"51\" | count 38400 exactly \"38,400\"",
            "Measure 110 was passed by 58% of voters;            name 110 exactly \"110\" | count 58% exactly \"58%\"",
            "HB 1557, SB 8, HR 1, H.R. 3684 and S. 2938;         name 1557 exactly \"1557\" | name 8 exactly \"8\" | name 1 exactly \"1\" | name 3684 exactly \"3684\" | name 2938 exactly \"2938\"",
            "Boeing's 737 MAX carried 180 people;                name 737 exactly \"737\" | count 180 exactly \"180\"",
            "the iPhone 15 sold 50 million units;                name 15 exactly \"15\" | count 50000000 exactly \"50 million\"",
            "a Tesla Model 3 costs $40,000;                      name 3 exactly \"3\" | count 40000 $ exactly \"$40,000\"",
            // real figures stay figures: title-case headlines, a name word with a scale, percent, comma or hedge,
            // a lower-case noun, currencies and the naira range
            "Kursk Fighting Leaves 200 Dead;                     count 200 exactly \"200\"",
            "Russia Lost 5,000 Troops;                           count 5000 exactly \"5,000\"",
            "deployed over 11,000 soldiers;                      count 11000 over \"over 11,000\"",
            "$2.78 billion in aid;                               count 2780000000 $ exactly \"$2.78 billion\"",
            "covid deaths rose to 19;                            count 19 exactly \"19\"",
            "Covid deaths rose to 19;                            count 19 exactly \"19\"",
            "Vision 2030 million and Section 5% and Section 1,000; count 2030000000 exactly \"2030 million\" | count 5% exactly \"5%\" | count 1000 exactly \"1,000\"",
            "Flight just 200 people;                             count 200 exactly \"just 200\"",
            "section 230 of the act and flight 200;              count 230 exactly \"230\" | count 200 exactly \"200\"",
            "In Gaza 2000 homes were destroyed;                  count 2000 exactly \"2000\"",
            "US$5 a day and N10-20 a litre;                      count 5 US$ exactly \"US$5\" | count 10..20 N exactly \"N10-20\"",
            "Ksh10-20 million;                                   count 10000000..20000000 Ksh exactly \"Ksh10-20 million\"",
            "KSh37.3 billion and Sh500;                          count 37300000000 KSh exactly \"KSh37.3 billion\" | count 500 Sh exactly \"Sh500\"",
            "10-12 people;                                       count 10..12 exactly \"10-12\"",
            // where the capital says nothing, a name word that is also an everyday verb is the verb: in capitals,
            // after "to" (an infinitive), or before a count ("new", "more", "extra", "additional", "further")
            "COUNCIL TO BILL 3000 HOUSEHOLDS;                    count 3000 exactly \"3000\"",
            "UNIONS FORM 12 NEW BRANCHES;                        count 12 exactly \"12\"",
            "UNIONS FORM 12 BRANCHES;                            count 12 exactly \"12\"",
            "ARMY TO STAGE 3 STRIKES;                            count 3 exactly \"3\"",
            "MODEL 3 COSTS $40,000;                              count 3 exactly \"3\" | count 40000 $ exactly \"$40,000\"",
            "Army To Route 4000 Troops Through Poland;           count 4000 exactly \"4000\"",
            "Unions Vote To Form 12 Branches;                    count 12 exactly \"12\"",
            "opposition to Bill 21 grew;                         count 21 exactly \"21\"",
            "Unions Form 12 New Branches;                        count 12 exactly \"12\"",
            "Scientists Measure 300 More Glaciers;               count 300 exactly \"300\"",
            // a number before a unit or a counted noun is a figure, whatever the name word before it
            "Passengers Stranded As Flight 6 Hours Late;         count 6 exactly \"6\"",
            "The Act 30 days after it passed;                    count 30 exactly \"30\"",
            "the Act 30-day deadline;                            count 30 exactly \"30\"",
            "Boeing 300 jobs go;                                 count 300 exactly \"300\"",
            "Section 8 homes and Windows 10 users;               count 8 exactly \"8\" | name 10 exactly \"10\"",
            // a possessive keeps a maker's model name only ("Boeing's 737"), not a law's parts
            "the Bill's 30 clauses;                              count 30 exactly \"30\""})
    void aNumberOfANameIsNoFigure(String text, String expected) {
        assertThat(described(text)).isEqualTo(expected);
    }
}
