import Foundation
import Testing
@testable import BilatIngest

/// Who a commitment binds, on sentences written for these tests: a title that both principals share names
/// neither; one speaker's verb is that speaker's; an exchange of views is no shared view.
@Suite struct CommitmentSideTests {
    let call = """
        Readout of the call between the two presidents
        July 2, 2024

        President Ana Lima of Brazil spoke by telephone with President Omar Diallo of Senegal.

        """

    func commitments(_ body: String) throws -> [String] {
        try read(call + body).commitments.map { "\($0.by): \($0.text)" }
    }

    @Test func aTitleBothPrincipalsShareNamesNeither() throws {
        #expect(try commitments("President Diallo pledged that Senegal will open a consulate in Recife.")
                == ["SEN: President Diallo pledged that Senegal will open a consulate in Recife."])
        #expect(try commitments("President Lima affirmed Brazil’s commitment to the coastal fisheries programme.")
                == ["BRA: President Lima affirmed Brazil’s commitment to the coastal fisheries programme."])
        #expect(try commitments("President Diallo confirmed that he will travel to Brasília in the autumn.")
                == ["SEN: President Diallo confirmed that he will travel to Brasília in the autumn."])
        // Both named before the verb: joint.
        #expect(try commitments("President Lima and President Diallo confirmed their support for the regional trade corridor.")
                == ["joint: President Lima and President Diallo confirmed their support for the regional trade corridor."])
    }

    @Test func oneSpeakersVerbIsNotJoint() throws {
        let r = try read(call + "We spoke about trade, and I reiterated our wish to deepen fisheries cooperation.")
        #expect(r.commitments.isEmpty)
        #expect(try commitments("We reaffirmed our shared commitment to the ocean treaty.")
                == ["joint: We reaffirmed our shared commitment to the ocean treaty."])
    }

    @Test func anExchangeOfViewsIsNoSharedView() throws {
        #expect(try commitments("The two presidents shared their views on the situation in the Sahel.").isEmpty)
        #expect(try commitments("The two presidents shared the view that the Sahel needs a political solution.")
                == ["joint: The two presidents shared the view that the Sahel needs a political solution."])
    }
}
