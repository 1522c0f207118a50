// The collections of the demo HTTP service, shaped like those of the public placeholder API
// https://jsonplaceholder.typicode.com: the same names, sizes, fields and field order, with
// generated text. Item `id` of a collection has the same content on every call.
//
//   todos     200  {"userId", "id", "title", "completed"}
//   posts     100  {"userId", "id", "title", "body"}
//   comments  500  {"postId", "id", "name", "email", "body"}
//   albums    100  {"userId", "id", "title"}
//   users      10  {"id", "name", "username", "email", "address", "phone", "website", "company"}
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

namespace chaoslab::demo {

// Keeps fields in insertion order, as jsonplaceholder sends them.
using Json = nlohmann::ordered_json;

struct Collection
{
    // The URL path segment, for example "todos".
    std::string_view name;
    // Items have the ids 1 to `count`.
    int count = 0;
    // The field that links an item to its owner, for example "userId", and the owner's
    // collection, which give nested routes such as /users/1/todos. Empty for users.
    std::string_view ownerField;
    std::string_view ownerCollection;
    Json (*makeItem)(int id) = nullptr;
};

const std::vector<Collection>& placeholderCollections();

// Returns the collection called `name`, or nullptr.
const Collection* findCollection(std::string_view name);

Json makeUser(int id);

} // namespace chaoslab::demo
