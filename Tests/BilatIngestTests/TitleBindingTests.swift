import Foundation
import Testing
@testable import BilatIngest

/// A title binds to the name that follows it, not to a name further on: a possessive country before a title
/// gives that title's holder the country's side, and in French "le TITRE de X, NOM, et le TITRE de Y, NOM" each
/// title belongs to the name right after its comma. Every sentence here is written for these tests.
@Suite struct TitleBindingTests {
    let data = LanguageData.shared
    func extractor(_ language: String) -> PersonExtractor {
        PersonExtractor(profile: data.profile(language), parties: PartyResolver(data: data), data: data)
    }

    @Test func aPossessiveCountryBeforeATitleIsThePartyOfTheNameAfterIt() {
        let m = extractor("en").mentions(in: "Ghana's State Minister of Finance, Ambassador Kofi Mensah Boateng, received the Ambassador of Oman, Mr. Salim Harthi, on Monday.")
        let boateng = m.first { $0.familyName == "Boateng" }
        #expect(boateng?.party == "GHA")
        #expect(boateng?.title == "State Minister of Finance")
        let harthi = m.first { $0.familyName == "Harthi" }
        #expect(harthi?.party == "OMN")
        #expect(harthi?.title?.hasPrefix("Ambassador") == true)
    }

    @Test func aFrenchTitleBeforeACommaBelongsToTheNameRightAfterIt() {
        let m = extractor("fr").mentions(in: "Un accord a été signé entre la ministre des Affaires étrangères et de la Coopération internationale de la République portugaise, Ana Ferreira Lopes, et le ministre des Affaires étrangères et européennes du Danemark, Lars Holm Jensen.")
        let lopes = m.first { $0.familyName == "Lopes" }
        #expect(lopes?.party == "PRT")
        #expect(lopes?.title?.hasPrefix("ministre des Affaires étrangères") == true)
        #expect(lopes?.title?.contains("Danemark") != true)
        let jensen = m.first { $0.familyName == "Jensen" }
        #expect(jensen?.party == "DNK")
        #expect(jensen?.title?.contains("portugaise") != true)
    }
}

extension TitleBindingTests {
    @Test func aVerbAfterATitleIsNoPortfolio() {
        let m = extractor("fr").mentions(in: "Le ministre a reçu le ministre des Finances du Danemark, Lars Holm Jensen, à Paris.")
        #expect(m.count == 1)
        #expect(m.first?.title?.hasPrefix("ministre a") != true)
    }
}
