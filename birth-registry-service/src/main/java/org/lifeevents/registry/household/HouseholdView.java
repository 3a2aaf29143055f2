package org.lifeevents.registry.household;

import java.time.LocalDate;
import java.util.List;

import org.lifeevents.events.registry.Address;

/** A household as it is today: the same content as its latest snapshot on the households topic. */
public record HouseholdView(String householdId, long version, AddressView address, List<MemberView> members) {

    /** A residential address. */
    public record AddressView(String street, String postalCode, String municipality, String countryCode) {

        static AddressView of(Address address) {
            return address == null ? null
                    : new AddressView(address.getStreet(), address.getPostalCode(), address.getMunicipality(),
                            address.getCountryCode());
        }
    }

    /** One member with the relations the register keeps. */
    public record MemberView(String personId, String givenNames, String familyName, String sex, LocalDate birthDate,
            LocalDate dateOfDeath, LocalDate memberSince, boolean inPopulationRegister, String spouseId,
            List<String> legalParentIds, List<String> guardianIds, int childrenInBirth, int birthOrder) {

        static MemberView of(org.lifeevents.events.registry.HouseholdMember m) {
            return new MemberView(m.getPersonId(), m.getGivenNames(), m.getFamilyName(), m.getSex(), m.getBirthDate(),
                    m.getDateOfDeath(), m.getMemberSince(), m.getInPopulationRegister(), m.getSpouseId(),
                    m.getLegalParentIds(), m.getGuardianIds(), m.getChildrenInBirth(), m.getBirthOrder());
        }
    }
}
