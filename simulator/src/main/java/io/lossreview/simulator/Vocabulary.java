package io.lossreview.simulator;

import java.util.List;
import java.util.Map;

/** Names and labels for customer profiles. Every person and company is fictional; e-mail domains are example.com. */
final class Vocabulary {

    static final List<String> ACCOUNT_OWNERS = List.of(
            "Priya Raman", "Marcus Feld", "Sofia Alvarez", "Tom Okafor", "Hannah Berg", "Kenji Watanabe",
            "Laura Castillo", "Daniel Novak", "Aisha Bello", "Chris Maddox", "Elena Petrova", "Sam Whitaker");

    static final List<String> FIRST_NAMES = List.of(
            "Anna", "Ben", "Carla", "David", "Emma", "Felix", "Grace", "Hugo", "Isabel", "Jonas", "Karin", "Liam",
            "Maya", "Noah", "Olivia", "Paul", "Rosa", "Simon", "Tara", "Umar", "Vera", "Will", "Yusuf", "Zoe",
            "Lucas", "Mia", "Mateo", "Chloe", "Arjun", "Nina", "Oscar", "Leila", "Ravi", "Julia", "Pedro", "Ines");

    static final List<String> LAST_NAMES = List.of(
            "Schmidt", "Johnson", "Garcia", "Muller", "Brown", "Rossi", "Dubois", "Kowalski", "Silva", "Nguyen",
            "Patel", "Kim", "Andersen", "OBrien", "Jansen", "Lopez", "Fischer", "Taylor", "Costa", "Ivanova",
            "Moreau", "Santos", "Hughes", "Weber", "Tanaka", "Novak", "Haddad", "Larsen", "Murphy", "Reyes");

    static final Map<String, List<String>> TITLES = Map.of(
            "SMB", List.of("Owner", "Founder", "Office Manager", "Managing Director", "Operations Lead", "Co-founder"),
            "MID_MARKET", List.of("Head of Operations", "IT Director", "VP Finance", "Head of Customer Success",
                    "Operations Manager", "Director of Sales Ops", "Controller"),
            "ENTERPRISE", List.of("Chief Information Officer", "VP Procurement", "Chief Operating Officer",
                    "Head of IT Vendor Management", "VP Engineering", "Director of Digital Transformation", "CFO"));

    static final List<String> INDUSTRIES = List.of(
            "Software", "Retail", "Healthcare", "Financial Services", "Manufacturing", "Education",
            "Transportation & Logistics", "Media", "Professional Services", "Hospitality", "Non-profit",
            "Real Estate", "Construction", "Energy");

    static final List<String> COMPANY_FIRST = List.of(
            "Northwind", "Bluefield", "Redwood", "Silverline", "Harbor", "Summit", "Copperleaf", "Granite",
            "Lakeside", "Brightpath", "Ironbridge", "Maple", "Oakridge", "Pioneer", "Riverbend", "Sunrise",
            "Westgate", "Evergreen", "Falcon", "Keystone", "Meridian", "Orchard", "Pinecrest", "Stonewall",
            "Tidewater", "Crescent", "Highland", "Juniper", "Larkspur", "Beacon");

    static final List<String> COMPANY_SECOND = List.of(
            "Logistics", "Dental", "Analytics", "Foods", "Legal", "Builders", "Health", "Media", "Consulting",
            "Labs", "Outfitters", "Realty", "Energy", "Studios", "Capital", "Robotics", "Travel", "Insurance",
            "Print", "Freight", "Clinics", "Software", "Partners", "Brewing", "Academy");

    /** Legal-form suffixes by billing currency, so a GBP account reads like a UK company. */
    static final Map<String, List<String>> COMPANY_SUFFIX = Map.of(
            "USD", List.of("Inc.", "LLC", "Corp.", "Co.", ""),
            "EUR", List.of("GmbH", "SAS", "B.V.", "S.L.", "S.r.l.", "AG"),
            "GBP", List.of("Ltd", "Ltd.", "plc", "Group Ltd"),
            "CAD", List.of("Inc.", "Ltd.", "Corp."));

    static final List<String> COMPETITORS = List.of(
            "Brightwave", "Quillstack", "Nimbly", "Orbitly", "Tallyforge", "Pipewell", "Lumen Desk", "Corvana",
            "Fieldnote", "Stackmint");

    private Vocabulary() {
    }
}
