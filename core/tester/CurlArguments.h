#pragma once

// The options of a pasted curl command line (cURL paste of the request tester, PRODUCT.md §7): what
// curl would send, read from its arguments, then turned into a request document.

#include "Result.h"
#include "tester/RequestDocument.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace wf::tester {

struct CurlArguments {
    struct Data {
        QByteArray text;
        bool json = false; // from --json: joined to the previous --json part without '&'
    };

    QString url;
    QString method;    // -X; empty when not given
    bool get = false;  // -G: the data goes into the query
    bool head = false; // -I
    QList<Data> data;
    QList<KeyValue> headers; // -H, -A, -e, -b, -u, --oauth2-bearer in command order
};

// The arguments after the word curl; unknown options, @file data and options that change the request
// in ways the tester cannot express are errors naming them.
Result<CurlArguments> parseCurlArguments(const QStringList &arguments);

// The document that sends what curl would send for `arguments`.
Result<RequestDocument> documentFromCurl(const CurlArguments &arguments);

} // namespace wf::tester
