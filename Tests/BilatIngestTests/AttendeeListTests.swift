import Foundation
import Testing
@testable import BilatIngest

/// Who is named as present, in the ways house styles list them; every text is written for these tests.
@Suite struct AttendeeListTests {
    @Test func accompaniedByAndPluralTitlesListAttendees() throws {
        let r = try read("""
            President meets Secretary of State
            April 27, 2021

            President Ama Owusu of Ghana held talks with US Secretary of State Helen Park at the Jubilee House in Accra.
            President Owusu was accompanied to the meeting by Foreign Minister Kofi Mensah and Head of Public Service Dr Yaw Boateng.
            The meeting was attended by Cabinet Secretaries Efua Asante and Kwame Addo as well as Principal Secretary Ama Darko.
            """)
        #expect(r.principals.map(\.familyName) == ["Owusu", "Park"])
        #expect(r.attendees.map(\.familyName) == ["Mensah", "Boateng", "Asante", "Addo", "Darko"])
        #expect(r.attendees.map(\.title) == ["Foreign Minister", "Head of Public Service", "Cabinet Secretary", "Cabinet Secretary", "Principal Secretary"])
    }
}

@Suite struct FrenchStateNameTests {
    /// "de l’État du Qatar": the state's name after "l'État de/du" gives the side.
    @Test func theStateOfGivesTheSide() throws {
        let r = try read("""
            Entretien téléphonique
            3 mars 2025

            Le ministre des Affaires étrangères du Sénégal, M. Alioune Diouf, a eu un entretien téléphonique avec le ministre des Affaires étrangères de l’État du Qatar, M. Ali Hamad Al-Kuwari.
            """)
        #expect(r.parties == ["SEN", "QAT"])
        #expect(r.principals.map(\.party) == ["SEN", "QAT"])
    }
}

@Suite struct MissingSpaceTests {
    /// A page that lost the space after a full stop still has two sentences; initials, abbreviations and
    /// web addresses stay whole.
    @Test func aFullStopWithoutASpace() {
        let split = SentenceSplitter.split("They met in Stockholm.The two ministers agreed.“Peace matters,” she said.", language: "en").map(\.0)
        #expect(split == ["They met in Stockholm.", "The two ministers agreed.", "“Peace matters,” she said."])
        for whole in ["Mr B.Battsetseg of the U.S Embassy and Prof.Lee attended.", "The text is on vietnamnews.vn today.", "It grew 2.5 per cent."] {
            #expect(SentenceSplitter.split(whole, language: "en").count == 1, "\(whole)")
        }
    }
}
