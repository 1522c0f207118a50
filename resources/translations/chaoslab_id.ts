<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ClientNodeItem</name>
    <message>
        <source>Clients</source>
        <translation>Klien</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>No Toxiproxy answered at %1, so Chaos Lab started its built-in engine there, with a demo HTTP service behind the proxy demo_api.</source>
        <translation>Tidak ada Toxiproxy yang merespons di %1, jadi Chaos Lab menjalankan engine bawaannya di sana, dengan layanan HTTP demo di belakang proxy demo_api.</translation>
    </message>
    <message>
        <source>Port %1 was taken by another program, so demo_api listens on %2 and the bundled labs cannot run. Stop that program, such as another Chaos Lab window, and start Chaos Lab again.</source>
        <translation>Port %1 dipakai program lain, sehingga demo_api listen di %2 dan lab bawaan tidak bisa berjalan. Hentikan program itu, misalnya jendela Chaos Lab lain, lalu jalankan Chaos Lab lagi.</translation>
    </message>
</context>
<context>
    <name>ConsoleOptionParser</name>
    <message>
        <source>%1 Run &apos;chaoslab --help&apos; for the options.</source>
        <translation>%1 Jalankan &apos;chaoslab --help&apos; untuk melihat opsinya.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;. Run &apos;chaoslab --help&apos; for the commands.</source>
        <translation>perintah &apos;%1&apos; tidak dikenal. Jalankan &apos;chaoslab --help&apos; untuk melihat daftar perintah.</translation>
    </message>
    <message>
        <source>invalid --toxiproxy URL &apos;%1&apos;: expected http://HOST:PORT, for example %2.</source>
        <translation>URL --toxiproxy &apos;%1&apos; tidak valid: gunakan format http://HOST:PORT, misalnya %2.</translation>
    </message>
    <message>
        <source>invalid --lang &apos;%1&apos;: expected en or id.</source>
        <translation>--lang &apos;%1&apos; tidak valid: gunakan en atau id.</translation>
    </message>
    <message>
        <source>Console options:
  --toxiproxy URL   Toxiproxy API to control (default: the last one used, first
                    %1)
  --presenter       start in presenter mode: large fonts, high contrast
  --lang en|id      language of the window (default: the system&apos;s)
  --lab ID|FILE     start a bundled lab, or a lab file, once the server answers
</source>
        <translation>Opsi konsol:
  --toxiproxy URL   API Toxiproxy yang dikendalikan (bawaan: yang terakhir dipakai,
                    pertama kali %1)
  --presenter       mulai dalam mode presentasi: huruf besar, kontras tinggi
  --lang en|id      bahasa jendela (bawaan: bahasa sistem)
  --lab ID|FILE     mulai lab bawaan atau berkas lab setelah server menjawab
</translation>
    </message>
</context>
<context>
    <name>EnvironmentWording</name>
    <message>
        <source>Log: %1</source>
        <translation>Log: %1</translation>
    </message>
    <message>
        <source>PID %1 runs, but nothing answers at %2</source>
        <translation>PID %1 berjalan, tetapi tidak ada yang menjawab di %2</translation>
    </message>
    <message>
        <source>Exited after chaoslab env up started it</source>
        <translation>Berhenti setelah dijalankan oleh chaoslab env up</translation>
    </message>
    <message>
        <source>Answers, but chaoslab env up did not start it</source>
        <translation>Menjawab, tetapi tidak dijalankan oleh chaoslab env up</translation>
    </message>
    <message>
        <source>Not installed on this computer</source>
        <translation>Belum terpasang di komputer ini</translation>
    </message>
    <message>
        <source>Not created on the server</source>
        <translation>Belum dibuat di server</translation>
    </message>
    <message>
        <source>No Toxiproxy server answers at the stack&apos;s API</source>
        <translation>Tidak ada server Toxiproxy yang menjawab di API stack</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>listens on %1, not %2</source>
        <translation>listen di %1, bukan %2</translation>
    </message>
    <message>
        <source>forwards to %1, not %2</source>
        <translation>meneruskan ke %1, bukan %2</translation>
    </message>
    <message>
        <source>nothing accepts connections at the upstream %1</source>
        <translation>tidak ada yang menerima koneksi di upstream %1</translation>
    </message>
    <message>
        <source>Run one with Docker: %1</source>
        <translation>Jalankan dengan Docker: %1</translation>
    </message>
    <message>
        <source>Build it next to chaoslab: %1</source>
        <translation>Build di samping chaoslab: %1</translation>
    </message>
    <message>
        <source>Install it: %1</source>
        <translation>Pasang dengan: %1</translation>
    </message>
    <message>
        <source>Press Start local stack</source>
        <translation>Tekan Jalankan stack lokal</translation>
    </message>
    <message>
        <source>See %1, then press Stop local stack and Start local stack</source>
        <translation>Lihat %1, lalu tekan Hentikan stack lokal dan Jalankan stack lokal</translation>
    </message>
    <message>
        <source>Fix the cause, then press Start local stack</source>
        <translation>Perbaiki penyebabnya, lalu tekan Jalankan stack lokal</translation>
    </message>
    <message>
        <source>Press Start local stack, or start the Toxiproxy server at the stack&apos;s API</source>
        <translation>Tekan Jalankan stack lokal, atau jalankan server Toxiproxy di API stack</translation>
    </message>
    <message>
        <source>changed by chaoslab env up; env down sets it back to listen %1, upstream %2, %3</source>
        <translation>diubah oleh chaoslab env up; env down mengembalikannya ke listen %1, upstream %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n toxic(s) active</source>
        <translation>
            <numerusform>%n toxic aktif</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExperimentSettings</name>
    <message>
        <source>Invalid rollback strategy &quot;%1&quot;: choose default, always, never or deviated.</source>
        <translation>Strategi rollback &quot;%1&quot; tidak valid: pilih default, always, never, atau deviated.</translation>
    </message>
    <message>
        <source>Variable line %1 &quot;%2&quot;: %3</source>
        <translation>Baris variabel %1 &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <source>Map line %1 &quot;%2&quot;: %3</source>
        <translation>Baris map %1 &quot;%2&quot;: %3</translation>
    </message>
</context>
<context>
    <name>ExperimentSummary</name>
    <message>
        <source>%1 s before</source>
        <translation>%1 dtk sebelum</translation>
    </message>
    <message>
        <source>%1 s after</source>
        <translation>%1 dtk sesudah</translation>
    </message>
</context>
<context>
    <name>LabCheck</name>
    <message>
        <source>between %1 and %2%3</source>
        <translation>antara %1 dan %2%3</translation>
    </message>
    <message>
        <source>at least %1%2</source>
        <translation>paling sedikit %1%2</translation>
    </message>
    <message>
        <source>at most %1%2</source>
        <translation>paling banyak %1%2</translation>
    </message>
    <message>
        <source>%1 is %2; needs %3</source>
        <translation>%1 bernilai %2; harus %3</translation>
    </message>
    <message>
        <source>%1 is on %2</source>
        <translation>%1 aktif di %2</translation>
    </message>
    <message>
        <source>%1 is still on %2</source>
        <translation>%1 masih aktif di %2</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 di %2: %3</translation>
    </message>
    <message>
        <source>no %1 toxic on %2</source>
        <translation>tidak ada toxic %1 di %2</translation>
    </message>
    <message>
        <source>no %1 toxic on %2 yet</source>
        <translation>belum ada toxic %1 di %2</translation>
    </message>
    <message>
        <source>proxy %1 does not exist on the server</source>
        <translation>proxy %1 tidak ada di server</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>no recent results from probe %1</source>
        <translation>belum ada hasil terbaru dari probe %1</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>tidak ada nilai</translation>
    </message>
    <message>
        <source>%1 of %2 is %3; needs %4 for %5 s (%6 s so far)</source>
        <translation>%1 dari %2 bernilai %3; harus %4 selama %5 dtk (sudah %6 dtk)</translation>
    </message>
</context>
<context>
    <name>ProbeFormValidator</name>
    <message>
        <source>Name is empty: give the probe a short name, such as orders-api.</source>
        <translation>Nama kosong: beri probe nama singkat, misalnya orders-api.</translation>
    </message>
    <message>
        <source>Name %1 is already used by another probe: choose another name.</source>
        <translation>Nama %1 sudah dipakai probe lain: pilih nama lain.</translation>
    </message>
    <message>
        <source>User is empty but a password is set: enter the user the password belongs to.</source>
        <translation>User kosong padahal kata sandi diisi: masukkan user pemilik kata sandi itu.</translation>
    </message>
    <message>
        <source>Host is empty: enter an address such as 127.0.0.1, or choose a proxy as the target.</source>
        <translation>Host kosong: masukkan alamat seperti 127.0.0.1, atau pilih proxy sebagai target.</translation>
    </message>
    <message>
        <source>Host %1 is not a host name or address: write it without scheme, port or path, such as 127.0.0.1.</source>
        <translation>Host %1 bukan nama host atau alamat: tulis tanpa skema, port, atau path, misalnya 127.0.0.1.</translation>
    </message>
    <message>
        <source>Port is 0: enter the port of the service, from 1 to 65535.</source>
        <translation>Port bernilai 0: masukkan port layanan, dari 1 sampai 65535.</translation>
    </message>
    <message>
        <source>Method &quot;%1&quot; is not an HTTP method: use GET, HEAD, POST or another token without spaces.</source>
        <translation>Method &quot;%1&quot; bukan method HTTP: gunakan GET, HEAD, POST, atau token lain tanpa spasi.</translation>
    </message>
    <message>
        <source>Path &quot;%1&quot; must start with / and contain no spaces, such as /health.</source>
        <translation>Path &quot;%1&quot; harus diawali / dan tanpa spasi, misalnya /health.</translation>
    </message>
    <message>
        <source>Header name &quot;%1&quot; is invalid: write each header as Name: value.</source>
        <translation>Nama header &quot;%1&quot; tidak valid: tulis setiap header sebagai Nama: nilai.</translation>
    </message>
    <message>
        <source>Expected status %1 is out of range: use 100 to 599, or 0 for any 2xx or 3xx.</source>
        <translation>Status yang diharapkan %1 di luar rentang: gunakan 100 sampai 599, atau 0 untuk 2xx atau 3xx mana pun.</translation>
    </message>
    <message>
        <source>Interval %1 ms is out of range: use %2 to %3 ms.</source>
        <translation>Interval %1 ms di luar rentang: gunakan %2 sampai %3 ms.</translation>
    </message>
    <message>
        <source>Timeout %1 ms is out of range: use %2 to %3 ms.</source>
        <translation>Timeout %1 ms di luar rentang: gunakan %2 sampai %3 ms.</translation>
    </message>
    <message>
        <source>Concurrency %1 is out of range: use 1 to %2 attempts at a time.</source>
        <translation>Konkurensi %1 di luar rentang: gunakan 1 sampai %2 percobaan sekaligus.</translation>
    </message>
    <message>
        <source>Header line %1, &quot;%2&quot;, is not a header: write it as Name: value.</source>
        <translation>Baris header %1, &quot;%2&quot;, bukan header: tulis sebagai Nama: nilai.</translation>
    </message>
</context>
<context>
    <name>ProxyFormValidator</name>
    <message>
        <source>Name is missing: give the proxy a name, for example &quot;mysql&quot;.</source>
        <translation>Nama belum diisi: beri nama proxy, misalnya &quot;mysql&quot;.</translation>
    </message>
    <message>
        <source>Name &quot;%1&quot; is invalid: use only letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Nama &quot;%1&quot; tidak valid: gunakan hanya huruf, angka, &apos;.&apos;, &apos;-&apos;, dan &apos;_&apos;.</translation>
    </message>
    <message>
        <source>Name &quot;%1&quot; is already used by another proxy: choose another name.</source>
        <translation>Nama &quot;%1&quot; sudah dipakai proxy lain: pilih nama lain.</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Alamat listen</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <source>%1 is missing: write it as host:port, for example %2.</source>
        <translation>%1 belum diisi: tulis sebagai host:port, misalnya %2.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is invalid: write host:port without a scheme, for example %3.</source>
        <translation>%1 &quot;%2&quot; tidak valid: tulis host:port tanpa skema, misalnya %3.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; has no port: write it as host:port, for example %3.</source>
        <translation>%1 &quot;%2&quot; tidak memiliki port: tulis sebagai host:port, misalnya %3.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; has an invalid host: use a host name or an IP address (IPv6 in brackets), for example %3.</source>
        <translation>%1 &quot;%2&quot; memiliki host yang tidak valid: gunakan nama host atau alamat IP (IPv6 dalam kurung siku), misalnya %3.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; has an invalid port &quot;%3&quot;: use a number from %4 to 65535.</source>
        <translation>%1 &quot;%2&quot; memiliki port &quot;%3&quot; yang tidak valid: gunakan angka dari %4 sampai 65535.</translation>
    </message>
</context>
<context>
    <name>ProxyNodeItem</name>
    <message>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Tampilkan Detail...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Sembunyikan Detail...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
</context>
<context>
    <name>StartMessages</name>
    <message>
        <source>Chaos Lab starts its built-in engine only at an http:// address on this computer (127.0.0.1, ::1 or localhost). Start Toxiproxy at %1, or choose a local address with --toxiproxy.</source>
        <translation>Chaos Lab hanya menjalankan engine bawaannya di alamat http:// pada komputer ini (127.0.0.1, ::1, atau localhost). Jalankan Toxiproxy di %1, atau pilih alamat lokal dengan --toxiproxy.</translation>
    </message>
    <message>
        <source>Chaos Lab did not start its built-in engine, because another program uses %1. Stop that program, or choose another address with --toxiproxy.</source>
        <translation>Chaos Lab tidak menjalankan engine bawaannya karena %1 sedang dipakai program lain. Hentikan program tersebut, atau pilih alamat lain dengan --toxiproxy.</translation>
    </message>
</context>
<context>
    <name>ToxicCatalog</name>
    <message>
        <source>bytes</source>
        <translation>byte</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>Delays every chunk of data by the latency, plus or minus a random jitter.</source>
        <translation>Menunda setiap potongan data sebesar latency, ditambah atau dikurangi jitter acak.</translation>
    </message>
    <message>
        <source>Delay added to each chunk of data</source>
        <translation>Tundaan yang ditambahkan pada setiap potongan data</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <source>Random variation of the delay, up to this much either way</source>
        <translation>Variasi acak tundaan, hingga sebesar ini ke atas maupun ke bawah</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Bandwidth</translation>
    </message>
    <message>
        <source>Limits the transfer rate (1 KB/s is 1000 bytes per second).</source>
        <translation>Membatasi laju transfer (1 KB/s sama dengan 1000 byte per detik).</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Laju</translation>
    </message>
    <message>
        <source>Maximum transfer rate in kilobytes per second</source>
        <translation>Laju transfer maksimum dalam kilobyte per detik</translation>
    </message>
    <message>
        <source>Slow close</source>
        <translation>Slow close</translation>
    </message>
    <message>
        <source>Passes data at once but delays closing the connection.</source>
        <translation>Meneruskan data seketika, tetapi menunda penutupan koneksi.</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Tundaan</translation>
    </message>
    <message>
        <source>Time the close is held back</source>
        <translation>Lama penutupan koneksi ditahan</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Drops all data and closes the connection after the timeout (0: never closes). Removing it closes the connections it held.</source>
        <translation>Membuang semua data dan menutup koneksi setelah timeout (0: tidak pernah ditutup). Menghapusnya akan menutup koneksi yang ditahannya.</translation>
    </message>
    <message>
        <source>Time until the connection is closed; 0 keeps it open</source>
        <translation>Waktu hingga koneksi ditutup; 0 membiarkannya tetap terbuka</translation>
    </message>
    <message>
        <source>Reset peer</source>
        <translation>Reset peer</translation>
    </message>
    <message>
        <source>Resets the connection (TCP RST) after the timeout, counted from the first data.</source>
        <translation>Me-reset koneksi (TCP RST) setelah timeout, dihitung sejak data pertama.</translation>
    </message>
    <message>
        <source>Time from the first data to the reset</source>
        <translation>Waktu dari data pertama hingga reset</translation>
    </message>
    <message>
        <source>Slicer</source>
        <translation>Slicer</translation>
    </message>
    <message>
        <source>Splits data into small writes of about the average size, spaced by a delay.</source>
        <translation>Memecah data menjadi penulisan kecil berukuran sekitar ukuran rata-rata, dengan jeda di antaranya.</translation>
    </message>
    <message>
        <source>Average size</source>
        <translation>Ukuran rata-rata</translation>
    </message>
    <message>
        <source>Average size of each write</source>
        <translation>Ukuran rata-rata setiap penulisan</translation>
    </message>
    <message>
        <source>Variation</source>
        <translation>Variasi</translation>
    </message>
    <message>
        <source>Random variation of the size; less than the average size</source>
        <translation>Variasi acak ukuran; harus lebih kecil dari ukuran rata-rata</translation>
    </message>
    <message>
        <source>Pause between writes in microseconds</source>
        <translation>Jeda antarpenulisan dalam mikrodetik</translation>
    </message>
    <message>
        <source>Limit data</source>
        <translation>Limit data</translation>
    </message>
    <message>
        <source>Closes the connection after this many bytes have passed in its direction.</source>
        <translation>Menutup koneksi setelah sejumlah byte ini lewat ke arahnya.</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>Bytes passed before the connection is closed</source>
        <translation>Jumlah byte yang lewat sebelum koneksi ditutup</translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation>Toxicity</translation>
    </message>
    <message>
        <source>Share of connections the toxic applies to</source>
        <translation>Porsi koneksi yang terkena toxic ini</translation>
    </message>
</context>
<context>
    <name>ToxicSummary</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>latency %1 ± %2 ms</source>
        <translation>latency %1 ± %2 ms</translation>
    </message>
    <message>
        <source>latency %1 ms</source>
        <translation>latency %1 ms</translation>
    </message>
    <message>
        <source>bandwidth %1 KB/s</source>
        <translation>bandwidth %1 KB/s</translation>
    </message>
    <message>
        <source>slow close %1 ms</source>
        <translation>slow close %1 ms</translation>
    </message>
    <message>
        <source>timeout: drop, never close</source>
        <translation>timeout: buang data, tidak pernah ditutup</translation>
    </message>
    <message>
        <source>timeout %1 ms</source>
        <translation>timeout %1 ms</translation>
    </message>
    <message>
        <source>reset peer after %1 ms</source>
        <translation>reset peer setelah %1 ms</translation>
    </message>
    <message>
        <source>slicer %1 ± %2 bytes, %3 µs</source>
        <translation>slicer %1 ± %2 byte, %3 µs</translation>
    </message>
    <message>
        <source>limit %1 bytes</source>
        <translation>limit %1 byte</translation>
    </message>
    <message>
        <source>%1 · %2%</source>
        <translation>%1 · %2%</translation>
    </message>
</context>
<context>
    <name>ToxiproxyError</name>
    <message>
        <source>Refresh the proxy list, because the proxy or toxic may have been deleted.</source>
        <translation>Muat ulang daftar proxy, karena proxy atau toxic tersebut mungkin sudah dihapus.</translation>
    </message>
    <message>
        <source>Choose another name, or change the existing one.</source>
        <translation>Pilih nama lain, atau ubah yang sudah ada.</translation>
    </message>
    <message>
        <source>Check the addresses in the request and the Toxiproxy log.</source>
        <translation>Periksa alamat dalam permintaan dan log Toxiproxy.</translation>
    </message>
    <message>
        <source>Correct the value it names and try again.</source>
        <translation>Perbaiki nilai yang disebutkan, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Could not %1 because Toxiproxy at %2 returned HTTP %3 (%4). %5</source>
        <translation>Gagal %1 karena Toxiproxy di %2 mengembalikan HTTP %3 (%4). %5</translation>
    </message>
    <message>
        <source>Could not %1 because the server at %2 returned HTTP %3 (%4). Check that this address belongs to Toxiproxy.</source>
        <translation>Gagal %1 karena server di %2 mengembalikan HTTP %3 (%4). Pastikan alamat ini milik Toxiproxy.</translation>
    </message>
    <message>
        <source>Could not %1 because the server at %2 returned HTTP %3 %4 with a response that is not from Toxiproxy. Check that this address belongs to Toxiproxy and not to another program.</source>
        <translation>Gagal %1 karena server di %2 mengembalikan HTTP %3 %4 dengan respons yang bukan dari Toxiproxy. Pastikan alamat ini milik Toxiproxy, bukan program lain.</translation>
    </message>
    <message>
        <source>Could not %1 because the server at %2 returned the unexpected HTTP status %3. Check that this address belongs to Toxiproxy.</source>
        <translation>Gagal %1 karena server di %2 mengembalikan status HTTP %3 yang tidak terduga. Pastikan alamat ini milik Toxiproxy.</translation>
    </message>
    <message>
        <source>Could not %1 because Toxiproxy at %2 refused the connection. Check that it is running and listening on that port.</source>
        <translation>Gagal %1 karena Toxiproxy di %2 menolak koneksi. Pastikan Toxiproxy berjalan dan listen di port tersebut.</translation>
    </message>
    <message>
        <source>Could not %1 because the host of %2 was not found. Check the Toxiproxy address.</source>
        <translation>Gagal %1 karena host %2 tidak ditemukan. Periksa alamat Toxiproxy.</translation>
    </message>
    <message>
        <source>Could not %1 because Toxiproxy at %2 did not respond within %3 ms. Check that this address belongs to Toxiproxy and that the server is not stalled.</source>
        <translation>Gagal %1 karena Toxiproxy di %2 tidak merespons dalam %3 ms. Pastikan alamat ini milik Toxiproxy dan server tidak macet.</translation>
    </message>
    <message>
        <source>Could not %1 because the connection to %2 failed (%3). Check the Toxiproxy address and that the server is running.</source>
        <translation>Gagal %1 karena koneksi ke %2 gagal (%3). Periksa alamat Toxiproxy dan pastikan server berjalan.</translation>
    </message>
    <message>
        <source>The request to %1 at %2 was cancelled before it finished.</source>
        <translation>Permintaan untuk %1 di %2 dibatalkan sebelum selesai.</translation>
    </message>
    <message>
        <source>Could not %1 because the response from %2 is not what Toxiproxy sends (%3). Check that this address belongs to Toxiproxy.</source>
        <translation>Gagal %1 karena respons dari %2 bukan respons yang dikirim Toxiproxy (%3). Pastikan alamat ini milik Toxiproxy.</translation>
    </message>
</context>
<context>
    <name>ToxiproxyRequest</name>
    <message>
        <source>read the server version</source>
        <translation>membaca versi server</translation>
    </message>
    <message>
        <source>list proxies</source>
        <translation>menampilkan daftar proxy</translation>
    </message>
    <message>
        <source>read proxy &quot;%1&quot;</source>
        <translation>membaca proxy &quot;%1&quot;</translation>
    </message>
    <message>
        <source>create proxy &quot;%1&quot;</source>
        <translation>membuat proxy &quot;%1&quot;</translation>
    </message>
    <message>
        <source>update proxy &quot;%1&quot;</source>
        <translation>memperbarui proxy &quot;%1&quot;</translation>
    </message>
    <message>
        <source>delete proxy &quot;%1&quot;</source>
        <translation>menghapus proxy &quot;%1&quot;</translation>
    </message>
    <message>
        <source>populate proxies</source>
        <translation>mengisi daftar proxy</translation>
    </message>
    <message>
        <source>list the toxics of proxy &quot;%1&quot;</source>
        <translation>menampilkan daftar toxic proxy &quot;%1&quot;</translation>
    </message>
    <message>
        <source>read toxic &quot;%1&quot; of proxy &quot;%2&quot;</source>
        <translation>membaca toxic &quot;%1&quot; pada proxy &quot;%2&quot;</translation>
    </message>
    <message>
        <source>create toxic &quot;%1&quot; on proxy &quot;%2&quot;</source>
        <translation>membuat toxic &quot;%1&quot; pada proxy &quot;%2&quot;</translation>
    </message>
    <message>
        <source>update toxic &quot;%1&quot; of proxy &quot;%2&quot;</source>
        <translation>memperbarui toxic &quot;%1&quot; pada proxy &quot;%2&quot;</translation>
    </message>
    <message>
        <source>delete toxic &quot;%1&quot; of proxy &quot;%2&quot;</source>
        <translation>menghapus toxic &quot;%1&quot; pada proxy &quot;%2&quot;</translation>
    </message>
    <message>
        <source>reset all proxies</source>
        <translation>me-reset semua proxy</translation>
    </message>
</context>
<context>
    <name>UpstreamNodeItem</name>
    <message>
        <source>Upstream</source>
        <translation>Upstream</translation>
    </message>
</context>
<context>
    <name>chaoslab::host::EngineHost</name>
    <message>
        <source>The Toxiproxy address &quot;%1&quot; is not valid. Give a URL such as http://127.0.0.1:8474.</source>
        <translation>Alamat Toxiproxy &quot;%1&quot; tidak valid. Berikan URL seperti http://127.0.0.1:8474.</translation>
    </message>
    <message>
        <source>The built-in engine cannot serve %1: it serves only http:// addresses on this computer (127.0.0.1, ::1 or localhost).</source>
        <translation>Engine bawaan tidak dapat melayani %1: engine ini hanya melayani alamat http:// pada komputer ini (127.0.0.1, ::1, atau localhost).</translation>
    </message>
    <message>
        <source>Stop the program that uses port %1, or choose another address with --toxiproxy.</source>
        <translation>Hentikan program yang memakai port %1, atau pilih alamat lain dengan --toxiproxy.</translation>
    </message>
    <message>
        <source>Choose another address with --toxiproxy.</source>
        <translation>Pilih alamat lain dengan --toxiproxy.</translation>
    </message>
    <message>
        <source>Could not start the built-in engine at %1: %2. %3</source>
        <translation>Gagal menjalankan engine bawaan di %1: %2. %3</translation>
    </message>
    <message>
        <source>Toxiproxy %1 at %2</source>
        <translation>Toxiproxy %1 di %2</translation>
    </message>
    <message>
        <source>built-in engine at %1</source>
        <translation>engine bawaan di %1</translation>
    </message>
</context>
<context>
    <name>chaoslab::lab::LabSession</name>
    <message>
        <source>probe %1 is not running</source>
        <translation>probe %1 tidak berjalan</translation>
    </message>
    <message>
        <source>reset every proxy</source>
        <translation>reset semua proxy</translation>
    </message>
    <message>
        <source>This lab needs the proxy %1 listening on %2, but it listens on %3, probably because another program holds that port. Stop that program, such as another Chaos Lab window, and start Chaos Lab again, or make %1 listen on %2 with Edit proxy.</source>
        <translation>Lab ini membutuhkan proxy %1 yang listen di %2, tetapi proxy itu listen di %3, mungkin karena program lain memakai port tersebut. Hentikan program itu, misalnya jendela Chaos Lab lain, lalu jalankan Chaos Lab lagi, atau buat %1 listen di %2 lewat Sunting proxy.</translation>
    </message>
</context>
<context>
    <name>chaoslab::lab::RollbackRunner</name>
    <message>
        <source>the Toxiproxy client was closed before the rollback ended</source>
        <translation>klien Toxiproxy ditutup sebelum rollback selesai</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::AttributeControl</name>
    <message>
        <source>%1 slider</source>
        <translation>Slider %1</translation>
    </message>
    <message>
        <source>%1, in %2</source>
        <translation>%1, dalam %2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dalam %2</translation>
    </message>
    <message>
        <source>Changed elsewhere to %1; your value is sent when you let go.</source>
        <translation>Diubah di tempat lain menjadi %1; nilai Anda dikirim saat slider dilepas.</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ConnectionStatus</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>built-in engine at %1</source>
        <translation>engine bawaan di %1</translation>
    </message>
    <message>
        <source>built-in engine (Toxiproxy API %1) at %2</source>
        <translation>engine bawaan (API Toxiproxy %1) di %2</translation>
    </message>
    <message>
        <source>Toxiproxy at %1</source>
        <translation>Toxiproxy di %1</translation>
    </message>
    <message>
        <source>Toxiproxy %1 at %2</source>
        <translation>Toxiproxy %1 di %2</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Terhubung ke %1</translation>
    </message>
    <message>
        <source>Not connected: %1 does not answer; retrying</source>
        <translation>Tidak terhubung: %1 tidak merespons; mencoba lagi</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Menghubungkan ke %1…</translation>
    </message>
    <message>
        <source>Lost the connection to %1. %2 The console keeps trying to reconnect; the window stays usable meanwhile.</source>
        <translation>Koneksi ke %1 terputus. %2 Konsol terus mencoba menyambung kembali; sementara itu jendela tetap dapat digunakan.</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Coba lagi sekarang</translation>
    </message>
    <message>
        <source>Connected again to %1; proxies and toxics are up to date.</source>
        <translation>Terhubung kembali ke %1; proxy dan toxic sudah diperbarui.</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::EnvCommand</name>
    <message>
        <source>&quot;%1&quot; crashed.</source>
        <translation>&quot;%1&quot; berhenti mendadak (crash).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed with exit code %2. %3</source>
        <translation>&quot;%1&quot; gagal dengan kode keluar %2. %3</translation>
    </message>
    <message>
        <source>It printed no reason.</source>
        <translation>Program tidak menampilkan alasannya.</translation>
    </message>
    <message>
        <source>Could not run &quot;%1&quot;: %2. Check that the chaoslab program is installed next to the console.</source>
        <translation>Gagal menjalankan &quot;%1&quot;: %2. Pastikan program chaoslab terpasang di folder yang sama dengan konsol.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not finish in time and was stopped. Run it in a terminal to see where it waits.</source>
        <translation>&quot;%1&quot; tidak selesai tepat waktu dan dihentikan. Jalankan di terminal untuk melihat di mana ia menunggu.</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::EnvironmentModel</name>
    <message>
        <source>Running</source>
        <translation>Berjalan</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Berhenti</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>Belum terpasang</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Running (external)</source>
        <translation>Berjalan (eksternal)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <source>Proxy %1</source>
        <translation>Proxy %1</translation>
    </message>
    <message>
        <source>%1, PID %2</source>
        <translation>%1, PID %2</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>Ke %1</translation>
    </message>
    <message>
        <source>Listens on %1 and forwards to %2.</source>
        <translation>Listen di %1 dan meneruskan ke %2.</translation>
    </message>
    <message>
        <source>Something answers here that the local stack did not start.</source>
        <translation>Ada program lain yang menjawab di sini, bukan yang dijalankan stack lokal.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Details and what to do</source>
        <translation>Detail dan tindakan</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>File log: %1</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::EnvironmentPanel</name>
    <message>
        <source>Start local stack</source>
        <translation>Jalankan stack lokal</translation>
    </message>
    <message>
        <source>Stop local stack</source>
        <translation>Hentikan stack lokal</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Checking the lab stack…</source>
        <translation>Memeriksa stack lab…</translation>
    </message>
    <message>
        <source>Services and proxies of the lab stack</source>
        <translation>Layanan dan proxy stack lab</translation>
    </message>
    <message>
        <source>Starts MariaDB, RabbitMQ, Redis, PostgreSQL, the built-in engine with the lab&apos;s proxies, the demo HTTP service and the order system on this computer, without Docker.</source>
        <translation>Menjalankan MariaDB, RabbitMQ, Redis, PostgreSQL, engine bawaan dengan proxy lab, layanan HTTP demo, dan sistem pesanan di komputer ini, tanpa Docker.</translation>
    </message>
    <message>
        <source>Stops exactly what &quot;Start local stack&quot; started. Data is kept.</source>
        <translation>Menghentikan tepat apa yang dijalankan &quot;Jalankan stack lokal&quot;. Data tetap disimpan.</translation>
    </message>
    <message>
        <source>Output of the lab stack commands</source>
        <translation>Output perintah stack lab</translation>
    </message>
    <message>
        <source>Output of starting and stopping the stack appears here.</source>
        <translation>Output saat menjalankan dan menghentikan stack muncul di sini.</translation>
    </message>
    <message>
        <source>$ %1</source>
        <translation>$ %1</translation>
    </message>
    <message>
        <source>Starting the local stack… this can take a minute.</source>
        <translation>Menjalankan stack lokal… ini bisa memakan waktu satu menit.</translation>
    </message>
    <message>
        <source>Stopping the local stack…</source>
        <translation>Menghentikan stack lokal…</translation>
    </message>
    <message>
        <source>Could not read the stack&apos;s status (%1).</source>
        <translation>Gagal membaca status stack (%1).</translation>
    </message>
    <message>
        <source>Local stack started.</source>
        <translation>Stack lokal sudah berjalan.</translation>
    </message>
    <message>
        <source>Local stack stopped.</source>
        <translation>Stack lokal sudah berhenti.</translation>
    </message>
    <message>
        <source>the built-in engine started by the local stack</source>
        <translation>engine bawaan yang dijalankan stack lokal</translation>
    </message>
    <message>
        <source>a Toxiproxy server that the local stack did not start</source>
        <translation>server Toxiproxy yang tidak dijalankan stack lokal</translation>
    </message>
    <message>
        <source>nothing (no Toxiproxy server answers)</source>
        <translation>tidak ada (tidak ada server Toxiproxy yang menjawab)</translation>
    </message>
    <message>
        <source>Toxiproxy API %1: %2. Data folder: %3</source>
        <translation>API Toxiproxy %1: %2. Folder data: %3</translation>
    </message>
    <message>
        <source>This window works with the Toxiproxy server at %1, so the stack&apos;s proxies do not appear under Proxies. To work with them, start the console with:</source>
        <translation>Jendela ini bekerja dengan server Toxiproxy di %1, sehingga proxy milik stack tidak muncul di Daftar proxy. Untuk bekerja dengannya, jalankan konsol dengan:</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::EventLogModel</name>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Kejadian</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::EventLogView</name>
    <message>
        <source>Event log</source>
        <translation>Log kejadian</translation>
    </message>
    <message>
        <source>Changes made here or seen on the server, and errors</source>
        <translation>Perubahan yang dibuat di sini atau terlihat di server, serta galat</translation>
    </message>
    <message>
        <source>C&amp;lear log</source>
        <translation>&amp;Bersihkan log</translation>
    </message>
    <message>
        <source>Removes every entry from the event log</source>
        <translation>Menghapus semua entri dari log kejadian</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ExperimentPanel</name>
    <message>
        <source>Open e&amp;xperiment…</source>
        <translation>&amp;Buka eksperimen…</translation>
    </message>
    <message>
        <source>&amp;Recent experiments</source>
        <translation>Eksperimen &amp;terakhir</translation>
    </message>
    <message>
        <source>No experiment open. Open a Chaos Toolkit experiment file (JSON) with File ▸ Open experiment.</source>
        <translation>Belum ada eksperimen yang dibuka. Buka berkas eksperimen Chaos Toolkit (JSON) lewat Berkas ▸ Buka eksperimen.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Buka…</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>Jalankan semua</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Satu langkah</translation>
    </message>
    <message>
        <source>Run rest</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <source>Save journal…</source>
        <translation>Simpan journal…</translation>
    </message>
    <message>
        <source>Output of the selected step</source>
        <translation>Output langkah yang dipilih</translation>
    </message>
    <message>
        <source>Run log</source>
        <translation>Log run</translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation>Pengaturan run</translation>
    </message>
    <message>
        <source>Step output, run log and settings</source>
        <translation>Output langkah, log run, dan pengaturan</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Step output</source>
        <translation>Output langkah</translation>
    </message>
    <message>
        <source>Runs the whole experiment, as chaoslab run does</source>
        <translation>Menjalankan seluruh eksperimen, seperti chaoslab run</translation>
    </message>
    <message>
        <source>Runs the next activity, then stops before the one after it</source>
        <translation>Menjalankan activity berikutnya, lalu berhenti sebelum activity sesudahnya</translation>
    </message>
    <message>
        <source>Interrupts the run; the rollbacks that the strategy allows still play</source>
        <translation>Menginterupsi run; rollback yang diizinkan strategi tetap dijalankan</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>Buka eksperimen</translation>
    </message>
    <message>
        <source>Chaos Toolkit experiments (*.json);;All files (*)</source>
        <translation>Eksperimen Chaos Toolkit (*.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>No recent experiments</source>
        <translation>Belum ada eksperimen terakhir</translation>
    </message>
    <message>
        <source>Could not open the experiment %1:
%2
Fix the file and open it again.</source>
        <translation>Gagal membuka eksperimen %1:
%2
Perbaiki berkasnya, lalu buka lagi.</translation>
    </message>
    <message>
        <source>Save journal</source>
        <translation>Simpan journal</translation>
    </message>
    <message>
        <source>Journals (*.json)</source>
        <translation>Journal (*.json)</translation>
    </message>
    <message>
        <source>Could not write the journal to %1: %2. Choose another file.</source>
        <translation>Gagal menulis journal ke %1: %2. Pilih berkas lain.</translation>
    </message>
    <message>
        <source>Journal of &quot;%1&quot; saved to %2</source>
        <translation>Journal &quot;%1&quot; disimpan ke %2</translation>
    </message>
    <message>
        <source>steady state before</source>
        <translation>steady state sebelum</translation>
    </message>
    <message>
        <source>method</source>
        <translation>method</translation>
    </message>
    <message>
        <source>steady state after</source>
        <translation>steady state sesudah</translation>
    </message>
    <message>
        <source>rollbacks</source>
        <translation>rollback</translation>
    </message>
    <message>
        <source>Stopping: waiting for the rollbacks to finish…</source>
        <translation>Menghentikan: menunggu rollback selesai…</translation>
    </message>
    <message>
        <source>Stopping: the rollbacks that the strategy &quot;%1&quot; allows play now…</source>
        <translation>Menghentikan: rollback yang diizinkan strategi &quot;%1&quot; sedang dijalankan…</translation>
    </message>
    <message>
        <source>Not started: a setting is invalid. %1</source>
        <translation>Tidak dimulai: ada pengaturan yang tidak valid. %1</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Tidak dimulai: %1</translation>
    </message>
    <message>
        <source>Not started: this experiment runs local programs (process providers), which need your permission for this experiment.</source>
        <translation>Tidak dimulai: eksperimen ini menjalankan program lokal (process provider), yang memerlukan izin Anda untuk eksperimen ini.</translation>
    </message>
    <message>
        <source>Run local programs?</source>
        <translation>Jalankan program lokal?</translation>
    </message>
    <message>
        <source>The experiment &quot;%1&quot; runs these commands on this computer, with your user&apos;s rights. Allow them only if you trust the file.</source>
        <translation>Eksperimen &quot;%1&quot; menjalankan perintah berikut di komputer ini dengan hak akses user Anda. Izinkan hanya jika Anda memercayai berkas ini.</translation>
    </message>
    <message>
        <source>Allow and run</source>
        <translation>Izinkan dan jalankan</translation>
    </message>
    <message>
        <source>Running step by step…</source>
        <translation>Berjalan langkah demi langkah…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Berjalan…</translation>
    </message>
    <message>
        <source>Experiment started: %1</source>
        <translation>Eksperimen dimulai: %1</translation>
    </message>
    <message>
        <source>Experiment &quot;%1&quot; started (rollback strategy &quot;%2&quot;)</source>
        <translation>Eksperimen &quot;%1&quot; dimulai (strategi rollback &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>Waiting before %1 (%2). Next step runs it; Run rest runs the rest.</source>
        <translation>Menunggu sebelum %1 (%2). Satu langkah menjalankannya; Lanjutkan menjalankan sisanya.</translation>
    </message>
    <message>
        <source>Experiment ended: %1 (%2)</source>
        <translation>Eksperimen selesai: %1 (%2)</translation>
    </message>
    <message>
        <source>Experiment &quot;%1&quot; ended with status &quot;%2&quot;%3</source>
        <translation>Eksperimen &quot;%1&quot; selesai dengan status &quot;%2&quot;%3</translation>
    </message>
    <message>
        <source>, deviated</source>
        <translation>, deviated</translation>
    </message>
    <message>
        <source>The experiment&apos;s changes were kept after the run, because &quot;Keep the experiment&apos;s changes after it ends&quot; is checked. Undo them with Reset all.</source>
        <translation>Perubahan dari eksperimen dibiarkan setelah run, karena &quot;Biarkan perubahan eksperimen setelah selesai&quot; dicentang. Batalkan dengan Reset semua.</translation>
    </message>
    <message>
        <source>Restored after the run: %1.</source>
        <translation>Dipulihkan setelah run: %1.</translation>
    </message>
    <message>
        <source>Some of the experiment&apos;s changes could not be restored after the run: %1. The next start of the console tries again.</source>
        <translation>Beberapa perubahan dari eksperimen tidak dapat dipulihkan setelah run: %1. Konsol akan mencoba lagi saat dimulai berikutnya.</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>tidak diperiksa</translation>
    </message>
    <message>
        <source>met</source>
        <translation>terpenuhi</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>tidak terpenuhi</translation>
    </message>
    <message>
        <source>Status: %1 · deviated: %2 · steady state before: %3 · after: %4</source>
        <translation>Status: %1 · deviated: %2 · steady state sebelum: %3 · sesudah: %4</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ExperimentRunTracker</name>
    <message>
        <source>met</source>
        <translation>terpenuhi</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>tidak terpenuhi</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed, and the run goes on: Chaos Toolkit does not fail an experiment for a failed activity in the method.</source>
        <translation>&quot;%1&quot; gagal, tetapi run berlanjut: Chaos Toolkit tidak menggagalkan eksperimen karena activity yang gagal di method.</translation>
    </message>
    <message>
        <source>Probe &quot;%1&quot; has a tolerance, which Chaos Toolkit ignores in the method: its output is recorded, not checked.</source>
        <translation>Probe &quot;%1&quot; memiliki toleransi, yang diabaikan Chaos Toolkit di method: output-nya dicatat, tidak diperiksa.</translation>
    </message>
    <message>
        <source>Experiment: %1 (%2)</source>
        <translation>Eksperimen: %1 (%2)</translation>
    </message>
    <message>
        <source>not played</source>
        <translation>tidak dijalankan</translation>
    </message>
    <message>
        <source>Rollbacks not played: %1</source>
        <translation>Rollback tidak dijalankan: %1</translation>
    </message>
    <message>
        <source>Rollbacks not played: the run ended &quot;%1&quot; and the rollback strategy is &quot;default&quot;, under which Chaos Toolkit plays no rollbacks after a failure, a deviation or an interrupt. The experiment&apos;s changes stay, because &quot;Keep the experiment&apos;s changes after it ends&quot; is checked: undo them with Reset all, or choose the strategy &quot;always&quot; and run again.</source>
        <translation>Rollback tidak dijalankan: run berakhir &quot;%1&quot; dan strategi rollback-nya &quot;default&quot;, sehingga Chaos Toolkit tidak menjalankan rollback setelah kegagalan, deviasi, atau interupsi. Perubahan dari eksperimen tetap ada, karena &quot;Biarkan perubahan eksperimen setelah selesai&quot; dicentang: batalkan dengan Reset semua, atau pilih strategi &quot;always&quot; lalu jalankan lagi.</translation>
    </message>
    <message>
        <source>Rollbacks not played: the run ended &quot;%1&quot; and the rollback strategy is &quot;default&quot;, under which Chaos Toolkit plays no rollbacks after a failure, a deviation or an interrupt. The window restores the experiment&apos;s changes from its rollback journal instead.</source>
        <translation>Rollback tidak dijalankan: run berakhir &quot;%1&quot; dan strategi rollback-nya &quot;default&quot;, sehingga Chaos Toolkit tidak menjalankan rollback setelah kegagalan, deviasi, atau interupsi. Sebagai gantinya, jendela ini memulihkan perubahan dari eksperimen menggunakan journal rollback-nya.</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ExperimentSettingsForm</name>
    <message>
        <source>Run settings</source>
        <translation>Pengaturan run</translation>
    </message>
    <message>
        <source>KEY=VALUE, one per line, as --var</source>
        <translation>KEY=VALUE, satu per baris, seperti --var</translation>
    </message>
    <message>
        <source>FROM=TO, one per line, as --map</source>
        <translation>FROM=TO, satu per baris, seperti --map</translation>
    </message>
    <message>
        <source>Use the academy&apos;s maps</source>
        <translation>Pakai map akademi</translation>
    </message>
    <message>
        <source>Keep the experiment&apos;s changes after it ends</source>
        <translation>Biarkan perubahan eksperimen setelah selesai</translation>
    </message>
    <message>
        <source>Rollback strategy</source>
        <translation>Strategi rollback</translation>
    </message>
    <message>
        <source>Configuration values</source>
        <translation>Nilai konfigurasi</translation>
    </message>
    <message>
        <source>Address maps</source>
        <translation>Map alamat</translation>
    </message>
    <message>
        <source>Sends toxiproxy to this console&apos;s Toxiproxy address, order-api and notifier to 127.0.0.1, and jsonplaceholder.typicode.com to the demo HTTP service</source>
        <translation>Mengarahkan toxiproxy ke alamat Toxiproxy konsol ini, order-api dan notifier ke 127.0.0.1, serta jsonplaceholder.typicode.com ke layanan HTTP demo</translation>
    </message>
    <message>
        <source>Leaves the toxics and proxies that the experiment changed as they are when the run ends, to show the broken state. Otherwise the window restores them from its rollback journal after the experiment&apos;s own rollbacks.</source>
        <translation>Membiarkan toxic dan proxy yang diubah eksperimen apa adanya saat run berakhir, untuk menunjukkan kondisi rusak. Jika tidak, jendela ini memulihkannya dari journal rollback-nya setelah rollback milik eksperimen.</translation>
    </message>
    <message>
        <source>Rollback strategy:</source>
        <translation>Strategi rollback:</translation>
    </message>
    <message>
        <source>Variables:</source>
        <translation>Variabel:</translation>
    </message>
    <message>
        <source>Address maps:</source>
        <translation>Map alamat:</translation>
    </message>
    <message>
        <source>The experiment sets no strategy, so Chaos Toolkit uses &quot;default&quot;.</source>
        <translation>Eksperimen tidak menetapkan strategi, jadi Chaos Toolkit memakai &quot;default&quot;.</translation>
    </message>
    <message>
        <source>The experiment sets &quot;%1&quot;.</source>
        <translation>Eksperimen menetapkan &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ExperimentStepList</name>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Langkah</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Toleransi</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <source>Experiment steps</source>
        <translation>Langkah eksperimen</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>probe</translation>
    </message>
    <message>
        <source>action</source>
        <translation>action</translation>
    </message>
    <message>
        <source>%1 (not checked)</source>
        <translation>%1 (tidak diperiksa)</translation>
    </message>
    <message>
        <source>Chaos Toolkit ignores a probe&apos;s tolerance in the method: the output is recorded, not checked.</source>
        <translation>Chaos Toolkit mengabaikan toleransi probe di method: output-nya dicatat, tidak diperiksa.</translation>
    </message>
    <message>
        <source>%1 (none)</source>
        <translation>%1 (tidak ada)</translation>
    </message>
    <message>
        <source>Steady state before</source>
        <translation>Steady state sebelum</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Steady state after</source>
        <translation>Steady state sesudah</translation>
    </message>
    <message>
        <source>Rollbacks</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>menunggu</translation>
    </message>
    <message>
        <source>running</source>
        <translation>berjalan</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>berhasil</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>dilewati</translation>
    </message>
    <message>
        <source>(pause, %1 s left)</source>
        <translation>(jeda, sisa %1 dtk)</translation>
    </message>
    <message>
        <source>Outside the tolerance %1. Output:
%2</source>
        <translation>Di luar toleransi %1. Output:
%2</translation>
    </message>
    <message>
        <source>Interrupted while running: the journal leaves it out, as Chaos Toolkit does.</source>
        <translation>Diinterupsi saat berjalan: journal tidak mencantumkannya, sama seperti Chaos Toolkit.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Catatan: %1</translation>
    </message>
    <message>
        <source>No output yet.</source>
        <translation>Belum ada output.</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::LabPlayerPanel</name>
    <message>
        <source>Start lab</source>
        <translation>Mulai lab</translation>
    </message>
    <message>
        <source>Stop and roll back</source>
        <translation>Hentikan dan rollback</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Do it for me</source>
        <translation>Lakukan untuk saya</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Berikutnya</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Mulai ulang</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Lab</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Langkah</translation>
    </message>
    <message>
        <source>%1 (invalid)</source>
        <translation>%1 (tidak valid)</translation>
    </message>
    <message>
        <source>This lab file has errors:
%1</source>
        <translation>Berkas lab ini mengandung kesalahan:
%1</translation>
    </message>
    <message>
        <source>Checking the services this lab needs…</source>
        <translation>Memeriksa layanan yang dibutuhkan lab ini…</translation>
    </message>
    <message>
        <source>Nothing answers at %1 (%2). %3</source>
        <translation>Tidak ada yang menjawab di %1 (%2). %3</translation>
    </message>
    <message>
        <source>This lab needs services that are not running:
%1</source>
        <translation>Lab ini membutuhkan layanan yang tidak berjalan:
%1</translation>
    </message>
    <message>
        <source>Step done: %1</source>
        <translation>Langkah selesai: %1</translation>
    </message>
    <message>
        <source>Lab started: %1</source>
        <translation>Lab dimulai: %1</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>Langkah %1: %2</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>The last run of %1 ended without rolling back. Restored: %2.</source>
        <translation>Run terakhir %1 berakhir tanpa rollback. Dipulihkan: %2.</translation>
    </message>
    <message>
        <source>nothing had changed</source>
        <translation>tidak ada yang berubah</translation>
    </message>
    <message>
        <source>Rolled back %1: nothing needed restoring.</source>
        <translation>Rollback %1 selesai: tidak ada yang perlu dipulihkan.</translation>
    </message>
    <message>
        <source>Rolled back %1: %2.</source>
        <translation>Rollback %1 selesai: %2.</translation>
    </message>
    <message>
        <source>Some changes could not be restored: %1. They are tried again at the next start.</source>
        <translation>Beberapa perubahan tidak dapat dipulihkan: %1. Akan dicoba lagi saat mulai berikutnya.</translation>
    </message>
    <message>
        <source>Lab rolled back</source>
        <translation>Rollback lab selesai</translation>
    </message>
    <message>
        <source>Unfinished run restored</source>
        <translation>Run yang belum selesai dipulihkan</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::LabStepView</name>
    <message>
        <source>Answer</source>
        <translation>Jawab</translation>
    </message>
    <message>
        <source>Show a hint</source>
        <translation>Tampilkan petunjuk</translation>
    </message>
    <message>
        <source>Step text</source>
        <translation>Teks langkah</translation>
    </message>
    <message>
        <source>Checks of this step</source>
        <translation>Pemeriksaan langkah ini</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <source>passed: %1</source>
        <translation>lulus: %1</translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation>menunggu: %1</translation>
    </message>
    <message>
        <source>Correct.</source>
        <translation>Benar.</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>Belum tepat.</translation>
    </message>
    <message>
        <source>✓ Done</source>
        <translation>✓ Selesai</translation>
    </message>
    <message>
        <source>Confirm this step</source>
        <translation>Konfirmasi langkah ini</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::MainWindow</name>
    <message>
        <source>Chaos Lab</source>
        <translation>Chaos Lab</translation>
    </message>
    <message>
        <source>No proxies on the server yet.
Create one with Proxy ▸ New proxy (Ctrl+N), or with toxiproxy-cli create.</source>
        <translation>Belum ada proxy di server.
Buat dengan Proxy ▸ Proxy baru (Ctrl+N), atau dengan toxiproxy-cli create.</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Proxies</source>
        <translation>Daftar proxy</translation>
    </message>
    <message>
        <source>Toxics</source>
        <translation>Toxic</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Log kejadian</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Bilah alat utama</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>Reset semua</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Proxy</source>
        <translation>&amp;Proxy</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Pintasan &amp;keyboard</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>Mode p&amp;resentasi</translation>
    </message>
    <message>
        <source>Large fonts, high contrast and thick lines for a projector</source>
        <translation>Huruf besar, kontras tinggi, dan garis tebal untuk proyektor</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>Tema &amp;terang</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>Tema &amp;gelap</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>La&amp;yar penuh</translation>
    </message>
    <message>
        <source>Go to &amp;proxies</source>
        <translation>Ke daftar &amp;proxy</translation>
    </message>
    <message>
        <source>Go to &amp;topology</source>
        <translation>Ke t&amp;opologi</translation>
    </message>
    <message>
        <source>Go to to&amp;xics</source>
        <translation>Ke to&amp;xic</translation>
    </message>
    <message>
        <source>Go to &amp;event log</source>
        <translation>Ke &amp;log kejadian</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;→ Upstream&lt;/b&gt;&lt;/span&gt; client to server&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&quot;color:%2&quot;&gt;&lt;b&gt;← Downstream&lt;/b&gt;&lt;/span&gt; server to client&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&quot;color:%3&quot;&gt;&lt;b&gt;╱╱&lt;/b&gt;&lt;/span&gt; disabled proxy, refuses connections</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;→ Upstream&lt;/b&gt;&lt;/span&gt; klien ke server&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&quot;color:%2&quot;&gt;&lt;b&gt;← Downstream&lt;/b&gt;&lt;/span&gt; server ke klien&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&quot;color:%3&quot;&gt;&lt;b&gt;╱╱&lt;/b&gt;&lt;/span&gt; proxy nonaktif, menolak koneksi</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>Go to probe &amp;charts</source>
        <translation>Ke grafi&amp;k probe</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+R&lt;/b&gt;, &lt;b&gt;F12&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Reset all: remove every toxic, enable every proxy&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;New proxy&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Edit the selected proxy&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Enable or disable the selected proxy&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Del&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Delete the selected proxy&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1&lt;/b&gt; … &lt;b&gt;Ctrl+5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Go to proxies, topology, toxics, event log, probe charts&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Presenter mode&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Full screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Switch the focused toxic on or off&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+R&lt;/b&gt;, &lt;b&gt;F12&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Reset semua: hapus semua toxic, aktifkan semua proxy&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Proxy baru&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Sunting proxy yang dipilih&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Aktifkan atau nonaktifkan proxy yang dipilih&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Del&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Hapus proxy yang dipilih&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1&lt;/b&gt; … &lt;b&gt;Ctrl+5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Ke daftar proxy, topologi, toxic, log kejadian, grafik probe&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Mode presentasi&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Layar penuh&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Nyalakan atau matikan toxic yang sedang difokus&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Lab</translation>
    </message>
    <message>
        <source>No lab &quot;%1&quot; was found: give the id of a bundled lab, such as latency-jitter, or the path of a lab file.</source>
        <translation>Lab &quot;%1&quot; tidak ditemukan: berikan id lab bawaan, misalnya latency-jitter, atau path berkas lab.</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Eksperimen</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Lingkungan</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Connection message</source>
        <translation>Pesan koneksi</translation>
    </message>
    <message>
        <source>Hides this message</source>
        <translation>Menyembunyikan pesan ini</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProbeBoard</name>
    <message>
        <source>through proxy %1</source>
        <translation>melalui proxy %1</translation>
    </message>
    <message>
        <source>%1 — %2 %3</source>
        <translation>%1 — %2 %3</translation>
    </message>
    <message>
        <source>Not running: the target proxy is not on the server yet</source>
        <translation>Tidak berjalan: proxy target belum ada di server</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProbeChartPage</name>
    <message>
        <source>Could not save the chart image to %1: %2. Choose a folder you can write to.</source>
        <translation>Gambar grafik tidak dapat disimpan ke %1: %2. Pilih folder yang dapat Anda tulisi.</translation>
    </message>
    <message>
        <source>Could not save the probe data to %1: %2. Choose a folder you can write to.</source>
        <translation>Data probe tidak dapat disimpan ke %1: %2. Pilih folder yang dapat Anda tulisi.</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Ekspor grafik sebagai PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <source>Export probe data as CSV</source>
        <translation>Ekspor data probe sebagai CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <source>No probes yet. Add one with Probes… to see latency and errors through a proxy.</source>
        <translation>Belum ada probe. Tambahkan lewat Probe… untuk melihat latensi dan galat melalui proxy.</translation>
    </message>
    <message>
        <source>Chart history</source>
        <translation>Riwayat grafik</translation>
    </message>
    <message>
        <source>Scrolls the charts back over the last two hours; the right end follows live data</source>
        <translation>Menggulir grafik mundur hingga dua jam terakhir; ujung kanan mengikuti data langsung</translation>
    </message>
    <message>
        <source>Pa&amp;use</source>
        <translation>&amp;Jeda</translation>
    </message>
    <message>
        <source>Freezes the charts; probes keep recording and Live catches up</source>
        <translation>Membekukan grafik; probe tetap merekam dan mode Langsung menyusul</translation>
    </message>
    <message>
        <source>Export chart as &amp;PNG…</source>
        <translation>Ekspor grafik &amp;PNG…</translation>
    </message>
    <message>
        <source>Saves an image of the charts as they are shown</source>
        <translation>Menyimpan gambar grafik seperti yang ditampilkan</translation>
    </message>
    <message>
        <source>Export probe data as &amp;CSV…</source>
        <translation>Ekspor data &amp;CSV…</translation>
    </message>
    <message>
        <source>Saves one row per probe and second of the last two hours</source>
        <translation>Menyimpan satu baris per probe dan per detik dari dua jam terakhir</translation>
    </message>
    <message>
        <source>P&amp;robes…</source>
        <translation>P&amp;robe…</translation>
    </message>
    <message>
        <source>Adds, edits or removes the probes shown here</source>
        <translation>Menambah, mengubah, atau menghapus probe yang ditampilkan di sini</translation>
    </message>
    <message>
        <source>Manage probes</source>
        <translation>Kelola probe</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n menit</numerusform>
        </translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>Rentang waktu</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>Re&amp;ntang:</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latensi (ms)</translation>
    </message>
    <message>
        <source>Errors (%)</source>
        <translation>Galat (%)</translation>
    </message>
    <message>
        <source>Latency chart</source>
        <translation>Grafik latensi</translation>
    </message>
    <message>
        <source>Error rate chart</source>
        <translation>Grafik tingkat galat</translation>
    </message>
    <message>
        <source>Share of failed attempts of each probe, percent</source>
        <translation>Persentase percobaan gagal setiap probe</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Langsung</translation>
    </message>
    <message>
        <source>Paused at %1; probes keep recording</source>
        <translation>Dijeda pada %1; probe tetap merekam</translation>
    </message>
    <message>
        <source>p50 (solid) and p95 (light) latency of each probe in milliseconds, with a marker at every change</source>
        <translation>Latensi p50 (garis tegas) dan p95 (garis pudar) setiap probe dalam milidetik, dengan penanda di setiap perubahan</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;kspor</translation>
    </message>
    <message>
        <source>Saves the charts as an image or the probe data as CSV</source>
        <translation>Menyimpan grafik sebagai gambar atau data probe sebagai CSV</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProbeChartsDock</name>
    <message>
        <source>Probe charts</source>
        <translation>Grafik probe</translation>
    </message>
    <message>
        <source>Some saved probes could not be read and were left out: %1</source>
        <translation>Beberapa probe tersimpan tidak dapat dibaca dan dilewati: %1</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProbeDialog</name>
    <message>
        <source>New probe</source>
        <translation>Probe baru</translation>
    </message>
    <message>
        <source>Edit probe %1</source>
        <translation>Sunting probe %1</translation>
    </message>
    <message>
        <source>orders-api</source>
        <translation>orders-api</translation>
    </message>
    <message>
        <source>Probe name</source>
        <translation>Nama probe</translation>
    </message>
    <message>
        <source>Probe kind</source>
        <translation>Jenis probe</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>T&amp;erapkan</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Host and port below</source>
        <translation>Host dan port di bawah</translation>
    </message>
    <message>
        <source>Proxy %1 (%2)</source>
        <translation>Proxy %1 (%2)</translation>
    </message>
    <message>
        <source>Target proxy</source>
        <translation>Proxy target</translation>
    </message>
    <message>
        <source>A probe through a proxy follows the proxy&apos;s listen address</source>
        <translation>Probe melalui proxy mengikuti alamat listen proxy tersebut</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Thr&amp;ough:</source>
        <translation>Me&amp;lalui:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>HTTP request</source>
        <translation>Permintaan HTTP</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>Method HTTP</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>One per line, such as Accept: application/json</source>
        <translation>Satu per baris, misalnya Accept: application/json</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>any 2xx or 3xx</source>
        <translation>2xx atau 3xx mana pun</translation>
    </message>
    <message>
        <source>Expected status</source>
        <translation>Status yang diharapkan</translation>
    </message>
    <message>
        <source>Accept any certificate (self-signed &amp;lab servers)</source>
        <translation>Terima sertifikat apa pun (server &amp;lab self-signed)</translation>
    </message>
    <message>
        <source>https only; off, the server&apos;s certificate must be trusted</source>
        <translation>Hanya https; jika mati, sertifikat server harus tepercaya</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Method:</translation>
    </message>
    <message>
        <source>Pa&amp;th:</source>
        <translation>Pa&amp;th:</translation>
    </message>
    <message>
        <source>H&amp;eaders:</source>
        <translation>H&amp;eader:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Body:</translation>
    </message>
    <message>
        <source>E&amp;xpected status:</source>
        <translation>Status yang &amp;diharapkan:</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Kredensial</translation>
    </message>
    <message>
        <source>empty: stop at the server&apos;s greeting</source>
        <translation>kosong: berhenti pada salam pembuka server</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Basis data:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Kata &amp;sandi:</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Jadwal</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>Konkurensi</translation>
    </message>
    <message>
        <source>Attempts that may run at the same time; a tick that finds them all busy is skipped</source>
        <translation>Percobaan yang boleh berjalan bersamaan; giliran yang mendapati semuanya sibuk dilewati</translation>
    </message>
    <message>
        <source>Reuse the connection (&amp;keep-alive)</source>
        <translation>Pakai ulang koneksi (&amp;keep-alive)</translation>
    </message>
    <message>
        <source>Off: every attempt measures a whole connect</source>
        <translation>Mati: setiap percobaan mengukur koneksi dari awal</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;Interval:</translation>
    </message>
    <message>
        <source>Ti&amp;meout:</source>
        <translation>Ti&amp;meout:</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>&amp;Konkurensi:</translation>
    </message>
    <message>
        <source>Proxy %1 (not on the server now)</source>
        <translation>Proxy %1 (saat ini tidak ada di server)</translation>
    </message>
    <message>
        <source>&amp;Virtual host:</source>
        <translation>&amp;Virtual host:</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProbeLegend</name>
    <message>
        <source>Chart legend</source>
        <translation>Keterangan grafik</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProbesDialog</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sunting…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>Probe</translation>
    </message>
    <message>
        <source>Each probe runs continuously and is drawn on the charts</source>
        <translation>Setiap probe berjalan terus-menerus dan digambar pada grafik</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Tambah…</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProxyActions</name>
    <message>
        <source>&amp;New proxy…</source>
        <translation>Proxy &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;Edit proxy…</source>
        <translation>&amp;Sunting proxy…</translation>
    </message>
    <message>
        <source>&amp;Delete proxy</source>
        <translation>&amp;Hapus proxy</translation>
    </message>
    <message>
        <source>Proxy e&amp;nabled</source>
        <translation>Proxy a&amp;ktif</translation>
    </message>
    <message>
        <source>&amp;Reset all</source>
        <translation>&amp;Reset semua</translation>
    </message>
    <message>
        <source>Creates a proxy (Ctrl+N)</source>
        <translation>Membuat proxy (Ctrl+N)</translation>
    </message>
    <message>
        <source>Changes the listen address or upstream of the selected proxy (F2)</source>
        <translation>Mengubah alamat listen atau upstream proxy yang dipilih (F2)</translation>
    </message>
    <message>
        <source>Deletes the selected proxy and closes its connections (Del)</source>
        <translation>Menghapus proxy yang dipilih dan menutup koneksinya (Del)</translation>
    </message>
    <message>
        <source>Enables or disables the selected proxy; a disabled proxy refuses connections (Ctrl+E)</source>
        <translation>Mengaktifkan atau menonaktifkan proxy yang dipilih; proxy nonaktif menolak koneksi (Ctrl+E)</translation>
    </message>
    <message>
        <source>Removes every toxic and enables every proxy (Ctrl+R or F12, the panic key)</source>
        <translation>Menghapus semua toxic dan mengaktifkan semua proxy (Ctrl+R atau F12, tombol darurat)</translation>
    </message>
    <message>
        <source>Restart proxy?</source>
        <translation>Mulai ulang proxy?</translation>
    </message>
    <message>
        <source>Changing proxy &quot;%1&quot; closes every connection through it.</source>
        <translation>Mengubah proxy &quot;%1&quot; akan menutup semua koneksi yang melewatinya.</translation>
    </message>
    <message>
        <source>Clients connected to %1 will see their connections drop and must connect again.</source>
        <translation>Klien yang terhubung ke %1 akan kehilangan koneksi dan harus menyambung kembali.</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>Terapkan perubahan</translation>
    </message>
    <message>
        <source>Created proxy: listens on %1, forwards to %2</source>
        <translation>Proxy dibuat: listen di %1, meneruskan ke %2</translation>
    </message>
    <message>
        <source>Updated proxy: listens on %1, forwards to %2, %3</source>
        <translation>Proxy diperbarui: listen di %1, meneruskan ke %2, %3</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>Delete proxy?</source>
        <translation>Hapus proxy?</translation>
    </message>
    <message>
        <source>Deleting proxy &quot;%1&quot; closes every connection through it and removes its toxics.</source>
        <translation>Menghapus proxy &quot;%1&quot; akan menutup semua koneksi yang melewatinya dan menghapus toxic-nya.</translation>
    </message>
    <message>
        <source>Delete proxy</source>
        <translation>Hapus proxy</translation>
    </message>
    <message>
        <source>Deleted proxy</source>
        <translation>Proxy dihapus</translation>
    </message>
    <message>
        <source>Enabled proxy</source>
        <translation>Proxy diaktifkan</translation>
    </message>
    <message>
        <source>Disabled proxy</source>
        <translation>Proxy dinonaktifkan</translation>
    </message>
    <message>
        <source>Disable proxy?</source>
        <translation>Nonaktifkan proxy?</translation>
    </message>
    <message>
        <source>Disabling proxy &quot;%1&quot; closes every connection through it, and new connections are refused until it is enabled again.</source>
        <translation>Menonaktifkan proxy &quot;%1&quot; akan menutup semua koneksi yang melewatinya, dan koneksi baru ditolak hingga proxy diaktifkan kembali.</translation>
    </message>
    <message>
        <source>Disable proxy</source>
        <translation>Nonaktifkan proxy</translation>
    </message>
    <message>
        <source>Reset: removing every toxic and enabling every proxy</source>
        <translation>Reset: menghapus semua toxic dan mengaktifkan semua proxy</translation>
    </message>
    <message>
        <source>Reset confirmed by the server</source>
        <translation>Reset dikonfirmasi oleh server</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProxyDialog</name>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Aktif</translation>
    </message>
    <message>
        <source>New proxy</source>
        <translation>Proxy baru</translation>
    </message>
    <message>
        <source>Edit proxy %1</source>
        <translation>Sunting proxy %1</translation>
    </message>
    <message>
        <source>mysql</source>
        <translation>mysql</translation>
    </message>
    <message>
        <source>127.0.0.1:23306 (port 0 picks a free port)</source>
        <translation>127.0.0.1:23306 (port 0 memilih port yang kosong)</translation>
    </message>
    <message>
        <source>127.0.0.1:3306</source>
        <translation>127.0.0.1:3306</translation>
    </message>
    <message>
        <source>Proxy name</source>
        <translation>Nama proxy</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Alamat listen</translation>
    </message>
    <message>
        <source>host:port the proxy accepts clients on</source>
        <translation>host:port tempat proxy menerima klien</translation>
    </message>
    <message>
        <source>Upstream address</source>
        <translation>Alamat upstream</translation>
    </message>
    <message>
        <source>host:port of the server the proxy forwards to</source>
        <translation>host:port server tujuan penerusan proxy</translation>
    </message>
    <message>
        <source>A disabled proxy refuses connections</source>
        <translation>Proxy nonaktif menolak koneksi</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Buat</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Terapkan</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Listen:</source>
        <translation>&amp;Listen:</translation>
    </message>
    <message>
        <source>&amp;Upstream:</source>
        <translation>&amp;Upstream:</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProxyItemDelegate</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>disabled · %1</source>
        <translation>nonaktif · %1</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProxyListModel</name>
    <message numerus="yes">
        <source>%1: listens on %2, forwards to %3, %4, %n toxic(s)</source>
        <translation>
            <numerusform>%1: listen di %2, meneruskan ke %3, %4, %n toxic</numerusform>
        </translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProxyListPanel</name>
    <message>
        <source>Proxies</source>
        <translation>Daftar proxy</translation>
    </message>
    <message>
        <source>Every proxy on the server; select one to see its toxics</source>
        <translation>Semua proxy di server; pilih salah satu untuk melihat toxic-nya</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ServerEventFeed</name>
    <message>
        <source>Toxiproxy version %1</source>
        <translation>Toxiproxy versi %1</translation>
    </message>
    <message>
        <source>Proxy removed</source>
        <translation>Proxy dihapus</translation>
    </message>
    <message>
        <source>Toxic %1 removed</source>
        <translation>Toxic %1 dihapus</translation>
    </message>
    <message>
        <source>Connection to the server is back</source>
        <translation>Koneksi ke server pulih</translation>
    </message>
    <message>
        <source>Connected to the server</source>
        <translation>Terhubung ke server</translation>
    </message>
    <message>
        <source>Connection to the server lost: %1</source>
        <translation>Koneksi ke server terputus: %1</translation>
    </message>
    <message numerus="yes">
        <source>Proxy added: listens on %1, forwards to %2, %3, %n toxic(s)</source>
        <translation>
            <numerusform>Proxy ditambahkan: listen di %1, meneruskan ke %2, %3, %n toxic</numerusform>
        </translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>Proxy changed: listens on %1, forwards to %2, %3</source>
        <translation>Proxy diubah: listen di %1, meneruskan ke %2, %3</translation>
    </message>
    <message>
        <source>Toxic %1 added on %2: %3</source>
        <translation>Toxic %1 ditambahkan pada %2: %3</translation>
    </message>
    <message>
        <source>Toxic %1 changed: %2</source>
        <translation>Toxic %1 diubah: %2</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::TopologyView</name>
    <message>
        <source>Topology</source>
        <translation>Topologi</translation>
    </message>
    <message>
        <source>Topology diagram</source>
        <translation>Diagram topologi</translation>
    </message>
    <message>
        <source>Each proxy as a row: clients, the proxy, its toxics per direction, and its upstream</source>
        <translation>Setiap proxy sebagai satu baris: klien, proxy, toxic-nya per arah, dan upstream-nya</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ToxicControlsView</name>
    <message>
        <source>Toxic controls</source>
        <translation>Kontrol toxic</translation>
    </message>
    <message>
        <source>Select a proxy to switch its toxics on and off.</source>
        <translation>Pilih proxy untuk menyalakan dan mematikan toxic-nya.</translation>
    </message>
    <message>
        <source>Toxics</source>
        <translation>Toxic</translation>
    </message>
    <message>
        <source>Toxics of %1</source>
        <translation>Toxic pada %1</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ToxicEditor</name>
    <message>
        <source>%1 on or off</source>
        <translation>%1 nyala atau mati</translation>
    </message>
    <message>
        <source>Switches %1 on or off on the server</source>
        <translation>Menyalakan atau mematikan %1 di server</translation>
    </message>
    <message>
        <source>← Downstream</source>
        <translation>← Downstream</translation>
    </message>
    <message>
        <source>→ Upstream</source>
        <translation>→ Upstream</translation>
    </message>
    <message>
        <source>⇄ Both</source>
        <translation>⇄ Keduanya</translation>
    </message>
    <message>
        <source>Data from the server to the client</source>
        <translation>Data dari server ke klien</translation>
    </message>
    <message>
        <source>Data from the client to the server</source>
        <translation>Data dari klien ke server</translation>
    </message>
    <message>
        <source>Both directions, as two toxics</source>
        <translation>Kedua arah, sebagai dua toxic</translation>
    </message>
    <message>
        <source>Direction of %1</source>
        <translation>Arah %1</translation>
    </message>
    <message>
        <source>Which data the toxic acts on: downstream is server to client, upstream is client to server. Both adds two toxics, NAME_upstream and NAME_downstream.</source>
        <translation>Data yang dikenai toxic: downstream adalah server ke klien, upstream adalah klien ke server. Keduanya menambahkan dua toxic, NAME_upstream dan NAME_downstream.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Hapus %1</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Arah</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (mati)</translation>
    </message>
    <message>
        <source>Switched %1 on</source>
        <translation>%1 dinyalakan</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Matikan</translation>
    </message>
    <message>
        <source>Switched %1 off</source>
        <translation>%1 dimatikan</translation>
    </message>
    <message>
        <source>Set the direction of %1 to %2</source>
        <translation>Arah %1 diatur ke %2</translation>
    </message>
    <message>
        <source>Change direction</source>
        <translation>Ubah arah</translation>
    </message>
    <message>
        <source>Set %1 to %2 on %3</source>
        <translation>%1 diatur ke %2 pada %3</translation>
    </message>
    <message>
        <source>%1 on %2 was changed elsewhere to %3 while being set here; the value set here is sent on release</source>
        <translation>%1 pada %2 diubah di tempat lain menjadi %3 saat sedang diatur di sini; nilai yang diatur di sini dikirim saat slider dilepas</translation>
    </message>
    <message>
        <source>Close connections?</source>
        <translation>Tutup koneksi?</translation>
    </message>
    <message>
        <source>Removing the timeout toxic %1 closes every connection it holds on proxy &quot;%2&quot;.</source>
        <translation>Menghapus toxic timeout %1 akan menutup semua koneksi yang ditahannya pada proxy &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Clients connected through this proxy will see their connections drop.</source>
        <translation>Klien yang terhubung melalui proxy ini akan kehilangan koneksinya.</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>%1 dihapus</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ToxicSync</name>
    <message>
        <source>Added %1: %2</source>
        <translation>%1 ditambahkan: %2</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>%1 dihapus</translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ToxicTypePanel</name>
    <message>
        <source>Add another</source>
        <translation>Tambah lagi</translation>
    </message>
    <message>
        <source>%1 toxic</source>
        <translation>Toxic %1</translation>
    </message>
    <message>
        <source>Adds another %1 toxic under a new name</source>
        <translation>Menambahkan toxic %1 lain dengan nama baru</translation>
    </message>
    <message>
        <source>Add another %1 toxic</source>
        <translation>Tambah toxic %1 lain</translation>
    </message>
</context>
</TS>
