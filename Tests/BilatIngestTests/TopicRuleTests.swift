import Foundation
import Testing
@testable import BilatIngest

/// Topic rules, on sentences written for these tests.
@Suite struct TopicRuleTests {
    /// Naming a side is no topic: a Sino-Thai meeting is not "about China" for saying "Chinese", but the
    /// East China Sea is China's topic whoever meets.
    @Test func aSidesNameIsNoTopic() throws {
        let sinoThai = try read("""
            Foreign Minister meets Chinese counterpart
            December 6, 2023

            Foreign Minister Somchai Suk of Thailand met with Chinese Foreign Minister Li Wen in Bangkok.
            The Chinese side agreed to expand rail links and tourism between the two countries.
            """)
        #expect(!sinoThai.topics.contains("china"))
        let sea = try read("""
            Japan-China Foreign Ministers' Meeting
            February 2, 2023

            Foreign Minister Taro Aoki of Japan held a meeting with Foreign Minister Li Wen of China.
            Minister Aoki expressed serious concern over the situation in the East China Sea.
            """)
        #expect(sea.topics.contains("china"))
        let other = try read("""
            Japan-Australia Foreign Ministers' Meeting
            February 2, 2023

            Foreign Minister Taro Aoki of Japan held a meeting with Foreign Minister Jane Cole of Australia.
            The two ministers discussed China's growing military activity.
            """)
        #expect(other.topics.contains("china"))
    }

    @Test func developmentAndVisitsInOtherWords() throws {
        let r = try read("""
            Secretary-General's meeting with the Prime Minister of Belgium
            October 1, 2015

            The Secretary-General met with Prime Minister Luc Maes of Belgium.
            They agreed that the Sustainable Development Goals need strong partnerships with developing countries.
            The Secretary-General thanked Belgium for the invitation and is looking forward to meeting the Prime Minister again.
            """)
        #expect(r.topics.contains("development"))
        #expect(r.topics.contains("high-level-visits"))
    }
}
