// The ten users of the demo collections, with Indonesian names for the academy's labs.
#include "placeholderdata.h"

#include "loremtext.h"

#include <cstdio>
#include <string>

namespace chaoslab::demo {

namespace {

constexpr std::string_view firstNames[]
    = { "Ayu", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi", "Indah", "Joko" };
constexpr std::string_view lastNames[] = { "Santoso", "Wijaya", "Pratama", "Lestari", "Saputra",
    "Hidayat", "Kusuma", "Nugroho", "Wibowo", "Rahayu" };
constexpr std::string_view streets[] = { "Jalan Melati", "Jalan Kenanga", "Jalan Mawar",
    "Jalan Cempaka", "Jalan Anggrek", "Jalan Flamboyan" };
constexpr std::string_view cities[] = { "Bandung", "Surabaya", "Yogyakarta", "Semarang", "Medan",
    "Makassar", "Denpasar", "Malang" };

std::string lowerCase(std::string_view text)
{
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

// A decimal number with four places in [-limit, limit], as a string like jsonplaceholder's
// "lat" and "lng" fields.
std::string coordinate(SeededSequence& sequence, int limit)
{
    const int tenThousandths = sequence.between(-limit * 10000, limit * 10000);
    char text[16] = {};
    std::snprintf(text, sizeof text, "%.4f", tenThousandths / 10000.0);
    return text;
}

Json makeAddress(SeededSequence& sequence)
{
    Json address;
    address["street"]
        = std::string(sequence.pick(streets)) + " No. " + std::to_string(sequence.between(1, 200));
    address["suite"] = "Apt. " + std::to_string(sequence.between(100, 999));
    address["city"] = std::string(sequence.pick(cities));
    address["zipcode"] = std::to_string(sequence.between(10000, 99999));
    Json geo;
    geo["lat"] = coordinate(sequence, 90);
    geo["lng"] = coordinate(sequence, 180);
    address["geo"] = geo;
    return address;
}

Json makeCompany(SeededSequence& sequence, std::string_view lastName)
{
    Json company;
    company["name"] = std::string(lastName) + " Group";
    company["catchPhrase"] = loremWords(sequence, 3, 5);
    company["bs"] = loremWords(sequence, 3, 4);
    return company;
}

} // namespace

Json makeUser(int id)
{
    SeededSequence sequence("users", id);
    const auto index = static_cast<std::size_t>(id - 1) % std::size(firstNames);
    const auto first = firstNames[index];
    const auto last = lastNames[(index * 3) % std::size(lastNames)];
    const auto username = lowerCase(first) + "." + lowerCase(last);

    Json user;
    user["id"] = id;
    user["name"] = std::string(first) + " " + std::string(last);
    user["username"] = username;
    user["email"] = username + "@example.com";
    user["address"] = makeAddress(sequence);
    user["phone"] = "0812-" + std::to_string(sequence.between(1000, 9999)) + "-"
        + std::to_string(sequence.between(1000, 9999));
    user["website"] = lowerCase(first) + ".example.org";
    user["company"] = makeCompany(sequence, last);
    return user;
}

} // namespace chaoslab::demo
